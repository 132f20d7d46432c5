package dev.drove.controller.maintenance;

import dev.drove.controller.statestore.AppRuntimeInfo;
import dev.drove.models.application.ApplicationState;
import dev.drove.models.instance.InstanceInfo;
import dev.drove.models.instance.InstanceState;
import dev.drove.models.operation.ApplicationDestroyOperation;
import dev.drove.models.operation.ClusterOpSpec;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The stale data rules (docs: cluster/setup/controller.md, "Stale data cleanup") as tables. */
class StaleDataRulesTest {
    private static final long NOW = 1_719_977_632_050L;
    /** Instances are kept 7 days, at most 2 finished ones per application. */
    private static final MaintenanceOptions OPTIONS = new MaintenanceOptions(null, Duration.ofDays(7), 2,
            Duration.ofDays(7), null);

    static Stream<Arguments> instances() {
        return Stream.of(
                Arguments.of("running instances are never stale, however old", "a:HEALTHY:30d b:UNHEALTHY:30d", ""),
                Arguments.of("stopped and lost instances older than the age go", "a:STOPPED:8d b:LOST:8d", "a b"),
                Arguments.of("finished ones within the age stay", "a:STOPPED:6d b:LOST:1d", ""),
                Arguments.of("beyond the count the least recently updated go", "a:STOPPED:1d b:STOPPED:2h "
                        + "c:LOST:3d d:STOPPED:1h", "a c"),
                Arguments.of("the count keeps only finished ones", "a:HEALTHY:1h b:STOPPED:1d c:STOPPED:2d "
                        + "d:PENDING:1h", ""),
                Arguments.of("old ones do not use up the count", "a:STOPPED:9d b:STOPPED:1d c:STOPPED:2d", "a"),
                Arguments.of("an error state is not finished yet", "a:START_FAILED:30d", ""),
                Arguments.of("no instances, nothing to do", "", ""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("instances")
    void finishedInstancesAreForgottenByAgeAndBeyondTheCount(String rule, String stored, String stale) {
        var found = StaleDataRules.staleInstances(parse(stored), NOW, OPTIONS);
        assertThat(found.stream().map(InstanceInfo::instanceId).sorted().toList())
                .isEqualTo(stale.isEmpty() ? List.of() : List.of(stale.split(" ")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("instances")
    void aCountOfZeroForgetsEveryFinishedInstance(String rule, String stored, String ignored) {
        var none = new MaintenanceOptions(null, null, 0, Duration.ofDays(7), null);
        var found = StaleDataRules.staleInstances(parse(stored), NOW, none);
        assertThat(found).allMatch(instance -> instance.state().isTerminal())
                .hasSize((int) parse(stored).stream().filter(i -> i.state().isTerminal()).count());
    }

    static Stream<Arguments> apps() {
        var destroy = new ApplicationDestroyOperation("TEST_APP-1", ClusterOpSpec.DEFAULT);
        return Stream.of(
                Arguments.of("MONITORING for longer than the age is stale", ApplicationState.MONITORING, null,
                        Duration.ofDays(8), true),
                Arguments.of("MONITORING within the age is kept", ApplicationState.MONITORING, null,
                        Duration.ofDays(6), false),
                Arguments.of("an app with an operation in flight is kept", ApplicationState.MONITORING, destroy,
                        Duration.ofDays(8), false),
                Arguments.of("RUNNING is never stale", ApplicationState.RUNNING, null, Duration.ofDays(30), false),
                Arguments.of("another state than MONITORING is kept", ApplicationState.OUTAGE_DETECTED,
                        null, Duration.ofDays(30), false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("apps")
    void appsLeftInMonitoringAreDestroyedAfterTheirAge(String rule, ApplicationState state,
                                                       ApplicationDestroyOperation inFlight, Duration unchangedFor,
                                                       boolean stale) {
        var runtime = new AppRuntimeInfo("TEST_APP-1", state, 0, inFlight, new Date(NOW - unchangedFor.toMillis()));
        assertThat(StaleDataRules.isStale(runtime, NOW, OPTIONS.staleAppAge())).isEqualTo(stale);
    }

    /** "a:STOPPED:8d b:LOST:2h": instance id, state, last updated that long ago. */
    private static List<InstanceInfo> parse(String instances) {
        return Arrays.stream(instances.split(" ")).filter(s -> !s.isBlank()).map(spec -> {
            var parts = spec.split(":");
            var ago = Duration.parse("P" + (parts[2].endsWith("d") ? parts[2].toUpperCase()
                    : "T" + parts[2].toUpperCase()));
            return new InstanceInfo("TEST_APP-1", "TEST_APP", parts[0], "executor-1", null, List.of(),
                    InstanceState.valueOf(parts[1]), Map.of(), "", new Date(0), new Date(NOW - ago.toMillis()));
        }).toList();
    }
}
