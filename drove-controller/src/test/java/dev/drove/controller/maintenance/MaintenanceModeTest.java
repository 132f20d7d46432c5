package dev.drove.controller.maintenance;

import dev.drove.controller.events.EventBus;
import dev.drove.controller.events.TestClock;
import dev.drove.models.cluster.ClusterState;
import dev.drove.models.cluster.ClusterStateData;
import dev.drove.models.events.ClusterEventDataTag;
import dev.drove.models.events.DroveEvent;
import dev.drove.models.events.DroveEventType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.util.Date;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Maintenance mode: what is stored, which events it raises, and how long the controller keeps its hands off. */
class MaintenanceModeTest {
    private static final long NOW = 1_719_977_632_050L;
    private static final Duration GRACE = Duration.ofSeconds(40);

    static Stream<Arguments> modes() {
        return Stream.of(
                Arguments.of("a cluster never put in maintenance is worked on", null, false),
                Arguments.of("maintenance holds the controller back however old", data(ClusterState.MAINTENANCE,
                        Duration.ofDays(3)), true),
                Arguments.of("just unset: still within the grace", data(ClusterState.NORMAL, Duration.ZERO), true),
                Arguments.of("unset 39 s ago: still within the grace", data(ClusterState.NORMAL,
                        Duration.ofSeconds(39)), true),
                Arguments.of("unset 40 s ago: the grace is over", data(ClusterState.NORMAL, Duration.ofSeconds(40)),
                        false),
                Arguments.of("normal for a day", data(ClusterState.NORMAL, Duration.ofDays(1)), false),
                Arguments.of("normal with no time stored", new ClusterStateData(ClusterState.NORMAL, null), false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("modes")
    void theControllerLeavesExecutorsAloneInMaintenanceAndForTheGraceAfterIt(String rule, ClusterStateData stored,
                                                                            boolean active) {
        var store = new InMemoryClusterState();
        if (stored != null) {
            store.save(stored);
        }
        var mode = new MaintenanceMode(store, new EventBus(Duration.ofHours(1)), "controller-1", GRACE,
                new TestClock(NOW));
        assertThat(mode.isActive()).isEqualTo(active);
    }

    @Test
    void settingAndUnsettingStoreTheModeAndRaiseOneEventPerChange() {
        var store = new InMemoryClusterState();
        var events = new EventBus(Duration.ofHours(1));
        var clock = new TestClock(NOW);
        var mode = new MaintenanceMode(store, events, "controller-1", GRACE, clock);

        assertThat(mode.unset()).as("not in maintenance: nothing to unset").extracting(ClusterStateData::state)
                .isEqualTo(ClusterState.NORMAL);
        assertThat(store.find()).isEmpty();

        var set = mode.set();
        assertThat(set).isEqualTo(new ClusterStateData(ClusterState.MAINTENANCE, new Date(NOW)));
        assertThat(store.find()).contains(set);
        assertThat(mode.state()).isEqualTo(ClusterState.MAINTENANCE);
        clock.advance(Duration.ofMinutes(5));
        assertThat(mode.set()).as("set again: unchanged").isEqualTo(set);

        var unset = mode.unset();
        assertThat(unset.state()).isEqualTo(ClusterState.NORMAL);
        assertThat(unset.updated().getTime()).isEqualTo(clock.millis());
        assertThat(mode.isActive()).as("within the grace").isTrue();
        clock.advance(GRACE);
        assertThat(mode.isActive()).isFalse();

        assertThat(events.latest(0, 1024).events()).extracting(DroveEvent::type)
                .containsExactly(DroveEventType.MAINTENANCE_MODE_SET, DroveEventType.MAINTENANCE_MODE_REMOVED);
        assertThat(events.latest(0, 1024).events()).allSatisfy(event -> assertThat(event.metadata()
                .get(ClusterEventDataTag.HOSTNAME)).isEqualTo("controller-1"));
    }

    private static ClusterStateData data(ClusterState state, Duration ago) {
        return new ClusterStateData(state, new Date(NOW - ago.toMillis()));
    }
}
