package dev.drove.controller.cluster;

import dev.drove.common.testkit.ZookeeperExtension;
import dev.drove.controller.statestore.ZkApplicationStore;
import dev.drove.controller.statestore.ZkInstanceStore;
import dev.drove.models.instance.InstanceInfo;
import dev.drove.models.instance.InstanceState;
import org.apache.curator.framework.CuratorFramework;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static dev.drove.controller.cluster.ClusterTestData.APP_ID;
import static dev.drove.controller.cluster.ClusterTestData.application;
import static dev.drove.controller.cluster.ClusterTestData.instance;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** Executors are authoritative for their instances, except against newer stored infos. */
@ExtendWith(ZookeeperExtension.class)
class InstanceStatesTest {

    static Stream<Arguments> supersedingRules() {
        return Stream.of(
                arguments("a newer report wins", InstanceState.STARTING, 2_000, InstanceState.HEALTHY, 3_000, true),
                arguments("an older report loses", InstanceState.HEALTHY, 3_000, InstanceState.STARTING, 2_000,
                        false),
                arguments("a different report of the same moment wins", InstanceState.READY, 3_000,
                        InstanceState.HEALTHY, 3_000, true),
                arguments("the same report again changes nothing", InstanceState.HEALTHY, 3_000,
                        InstanceState.HEALTHY, 3_000, false),
                arguments("LOST is terminal: an executor back with the instance alive does not revive it",
                        InstanceState.LOST, 9_000, InstanceState.HEALTHY, 12_000, false),
                arguments("an old STOPPED report does not undo LOST", InstanceState.LOST, 9_000,
                        InstanceState.STOPPED, 2_000, false),
                arguments("LOST is terminal: not even a newer STOPPED replaces it", InstanceState.LOST, 9_000,
                        InstanceState.STOPPED, 12_000, false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("supersedingRules")
    void anExecutorsInfoReplacesTheStoredOneByTheseRules(String name, InstanceState storedState, long storedAt,
                                                         InstanceState reportedState, long reportedAt,
                                                         boolean replaces) {
        var stored = instance("AI-1", storedState, storedAt);
        var reported = instance("AI-1", reportedState, reportedAt);
        assertThat(InstanceStates.supersedes(reported, stored)).isEqualTo(replaces);
    }

    @Test
    void aReportIsStoredAndPassedToListenersUnlessTheStoredInfoIsNewer(CuratorFramework curator) {
        var states = states(curator);
        var heard = new CopyOnWriteArrayList<InstanceInfo>();
        states.addListener(heard::add);

        assertThat(states.report(instance("AI-1", InstanceState.HEALTHY, 3_000))).isTrue();
        assertThat(states.report(instance("AI-1", InstanceState.STARTING, 2_000))).isFalse();

        assertThat(states.find(APP_ID, "AI-1")).map(InstanceInfo::state).contains(InstanceState.HEALTHY);
        assertThat(heard).extracting(InstanceInfo::state).containsExactly(InstanceState.HEALTHY);
    }

    @Test
    void aReportForAnApplicationThatDoesNotExistIsIgnored(CuratorFramework curator) {
        var states = new InstanceStates(new ZkInstanceStore(curator), new ZkApplicationStore(curator));

        assertThat(states.report(instance("AI-1", InstanceState.HEALTHY, 3_000))).isFalse();
        assertThat(states.find(APP_ID, "AI-1")).isEmpty();
    }

    @Test
    void aDecisionOfTheControllerIsStoredWhateverIsThere(CuratorFramework curator) {
        var states = states(curator);
        states.report(instance("AI-1", InstanceState.HEALTHY, 9_000));

        states.record(instance("AI-1", InstanceState.STOPPED, 1_000));

        assertThat(states.find(APP_ID, "AI-1")).map(InstanceInfo::state).contains(InstanceState.STOPPED);
    }

    @Test
    void awaitReturnsTheInfoOnceAReportSatisfiesIt(CuratorFramework curator) throws Exception {
        var states = states(curator);
        states.report(instance("AI-1", InstanceState.STARTING, 2_000));
        var later = Executors.newSingleThreadScheduledExecutor();
        try {
            later.schedule(() -> states.report(instance("AI-1", InstanceState.HEALTHY, 3_000)), 300,
                    TimeUnit.MILLISECONDS);

            var reached = states.await(APP_ID, "AI-1", i -> i.state() == InstanceState.HEALTHY,
                    Duration.ofSeconds(10), () -> false);

            assertThat(reached).map(InstanceInfo::state).contains(InstanceState.HEALTHY);
        } finally {
            later.shutdownNow();
        }
    }

    @Test
    void awaitGivesUpAtTheTimeoutOrWhenAbandoned(CuratorFramework curator) throws Exception {
        var states = states(curator);
        states.report(instance("AI-1", InstanceState.STARTING, 2_000));

        assertThat(states.await(APP_ID, "AI-1", i -> i.state() == InstanceState.HEALTHY, Duration.ofMillis(300),
                () -> false)).isEmpty();
        assertThat(states.await(APP_ID, "AI-1", i -> i.state() == InstanceState.HEALTHY, Duration.ofMinutes(5),
                () -> true)).isEmpty();
    }

    private static InstanceStates states(CuratorFramework curator) {
        var applications = new ZkApplicationStore(curator);
        applications.save(application());
        return new InstanceStates(new ZkInstanceStore(curator), applications);
    }
}
