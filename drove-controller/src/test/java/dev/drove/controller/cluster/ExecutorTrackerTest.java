package dev.drove.controller.cluster;

import dev.drove.common.discovery.NodeDataStore;
import dev.drove.common.testkit.ZookeeperExtension;
import dev.drove.controller.scheduler.ClusterResources;
import dev.drove.controller.scheduler.CoreState;
import dev.drove.controller.statestore.ZkApplicationStore;
import dev.drove.controller.statestore.ZkInstanceStore;
import dev.drove.models.info.nodedata.ExecutorNodeData;
import dev.drove.models.instance.InstanceInfo;
import dev.drove.models.instance.InstanceState;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.test.TestingServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import static dev.drove.controller.cluster.ClusterTestData.APP_ID;
import static dev.drove.controller.cluster.ClusterTestData.EXECUTOR_ID;
import static dev.drove.controller.cluster.ClusterTestData.application;
import static dev.drove.controller.cluster.ClusterTestData.entry;
import static dev.drove.controller.cluster.ClusterTestData.instance;
import static dev.drove.controller.cluster.ClusterTestData.snapshot;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The leader follows the entries of admitted executors in a real ZooKeeper, and gives a vanished executor its grace.
 * Admission itself is {@link ExecutorAdmissionTest}.
 */
@ExtendWith(ZookeeperExtension.class)
class ExecutorTrackerTest {
    private static final Duration POLL = Duration.ofMillis(100);
    private static final Duration A_FEW_SECONDS = Duration.ofSeconds(10);

    private ExecutorTracker tracker;
    private CuratorFramework executorSide;

    @AfterEach
    void stop() {
        if (tracker != null) {
            tracker.close();
        }
        if (executorSide != null) {
            executorSide.close();
        }
    }

    @Test
    void anExecutorsEntryFeedsTheSchedulerAndItsInstancesTheStore(CuratorFramework curator, TestingServer server) {
        var resources = new ClusterResources();
        var instances = new ZkInstanceStore(curator);
        tracker = tracker(curator, resources, Duration.ofSeconds(45));
        publisher(server).publish(entry(5_000, instance("AI-1", InstanceState.HEALTHY, 4_000)));
        tracker.admit(EXECUTOR_ID);

        tracker.leadershipAcquired();

        await().atMost(A_FEW_SECONDS).until(() -> instances.find(APP_ID, "AI-1").isPresent());
        assertThat(resources.executorIds()).containsExactly(EXECUTOR_ID);
        assertThat(resources.coreState(EXECUTOR_ID, 0)).contains(CoreState.IN_USE);
        assertThat(resources.coreState(EXECUTOR_ID, 1)).contains(CoreState.FREE);
        assertThat(tracker.address(EXECUTOR_ID)).map(a -> a.hostname() + ":" + a.port())
                .contains(ClusterTestData.HOST + ":" + ClusterTestData.PORT);
    }

    @Test
    void anExecutorBackWithinTheGraceKeepsItsInstances(CuratorFramework curator, TestingServer server) {
        var instances = new ZkInstanceStore(curator);
        tracker = tracker(curator, new ClusterResources(), Duration.ofSeconds(3));
        var publisher = publisher(server);
        var data = entry(5_000, instance("AI-1", InstanceState.HEALTHY, 4_000));
        publisher.publish(data);
        tracker.admit(EXECUTOR_ID);
        tracker.leadershipAcquired();
        await().atMost(A_FEW_SECONDS).until(() -> instances.find(APP_ID, "AI-1").isPresent());

        publisher.remove();
        await().atMost(A_FEW_SECONDS).until(() -> tracker.missingExecutors().contains(EXECUTOR_ID));
        publisher.publish(data);
        await().atMost(A_FEW_SECONDS).until(() -> tracker.missingExecutors().isEmpty());

        await().during(Duration.ofSeconds(4)).atMost(Duration.ofSeconds(6))
                .until(() -> instances.find(APP_ID, "AI-1").map(InstanceInfo::state)
                        .equals(Optional.of(InstanceState.HEALTHY)));
    }

    @Test
    void anExecutorGoneLongerThanTheGraceLosesItsInstancesAndLeavesTheBook(CuratorFramework curator,
                                                                           TestingServer server) {
        var resources = new ClusterResources();
        var instances = new ZkInstanceStore(curator);
        tracker = tracker(curator, resources, Duration.ofSeconds(1));
        var publisher = publisher(server);
        publisher.publish(entry(5_000, instance("AI-1", InstanceState.HEALTHY, 4_000)));
        tracker.admit(EXECUTOR_ID);
        tracker.leadershipAcquired();
        await().atMost(A_FEW_SECONDS).until(() -> resources.executorIds().contains(EXECUTOR_ID));

        publisher.remove();

        await().atMost(A_FEW_SECONDS).until(() -> instances.find(APP_ID, "AI-1").map(InstanceInfo::state)
                .equals(Optional.of(InstanceState.LOST)));
        assertThat(resources.executorIds()).isEmpty();
        assertThat(instances.find(APP_ID, "AI-1").orElseThrow().errorMessage())
                .isEqualTo("Executor " + EXECUTOR_ID + " has been gone longer than the grace period of 1 s");
    }

    @Test
    void anExecutorThatStoredInstancesNameButIsAbsentGetsTheGraceFromAcquisition(CuratorFramework curator) {
        var instances = new ZkInstanceStore(curator);
        instances.save(instance("AI-9", "ghost-executor", 2, InstanceState.HEALTHY, 4_000));
        tracker = tracker(curator, new ClusterResources(), Duration.ofSeconds(1));

        tracker.leadershipAcquired();

        await().atMost(A_FEW_SECONDS).until(() -> instances.find(APP_ID, "AI-9").map(InstanceInfo::state)
                .equals(Optional.of(InstanceState.LOST)));
    }

    @Test
    void aReportNewerThanTheEntryUpdatesTheBookAndAnOlderOneDoesNot(CuratorFramework curator) {
        var resources = new ClusterResources();
        tracker = tracker(curator, resources, Duration.ofSeconds(45));
        tracker.observe(entry(5_000));
        var started = instance("AI-2", EXECUTOR_ID, 3, InstanceState.STARTING, 6_000);

        tracker.applyReport(snapshot(EXECUTOR_ID, List.of(started)), new Date(6_000),
                data -> ExecutorTracker.withInstance(data, started));
        assertThat(resources.coreState(EXECUTOR_ID, 3)).contains(CoreState.IN_USE);

        tracker.applyReport(snapshot(EXECUTOR_ID, List.of()), new Date(4_000), data -> data);
        assertThat(resources.coreState(EXECUTOR_ID, 3)).contains(CoreState.IN_USE);
        assertThat(tracker.executors()).singleElement()
                .satisfies(data -> assertThat(data.instances()).extracting(InstanceInfo::instanceId)
                        .containsExactly("AI-2"));
    }

    @Test
    void theKnownExecutorsFollowEveryReportAndAnEntryThatComesAndGoes(CuratorFramework curator, TestingServer server) {
        tracker = tracker(curator, new ClusterResources(), Duration.ofSeconds(45));
        var publisher = publisher(server);
        publisher.publish(entry(5_000, instance("AI-1", InstanceState.HEALTHY, 4_000)));
        tracker.admit(EXECUTOR_ID);
        tracker.leadershipAcquired();
        await().atMost(A_FEW_SECONDS).until(() -> tracker.known().map(List::size).orElse(0) == 1);
        assertThat(instanceIds(tracker.known().orElseThrow())).containsExactly("AI-1");

        var started = instance("AI-2", EXECUTOR_ID, 3, InstanceState.STARTING, 6_000);
        tracker.applyReport(snapshot(EXECUTOR_ID, List.of(started)), new Date(6_000),
                data -> ExecutorTracker.withInstance(data, started));
        assertThat(instanceIds(tracker.known().orElseThrow())).containsExactlyInAnyOrder("AI-1", "AI-2");

        publisher.remove();
        await().atMost(A_FEW_SECONDS).until(() -> tracker.known().orElseThrow().isEmpty());
    }

    private static List<String> instanceIds(List<ExecutorNodeData> known) {
        return known.stream().flatMap(data -> data.instances().stream()).map(InstanceInfo::instanceId).toList();
    }

    private ExecutorTracker tracker(CuratorFramework curator, ClusterResources resources, Duration grace) {
        var applications = new ZkApplicationStore(curator);
        applications.save(application());
        var instances = new ZkInstanceStore(curator);
        return new ExecutorTracker(new NodeDataStore(curator), resources, new InstanceStates(instances, applications),
                instances, applications, grace, POLL);
    }

    /** The executor's own ZooKeeper session, as a real executor has. */
    private NodeDataStore publisher(TestingServer server) {
        executorSide = ZookeeperExtension.newClient(server.getConnectString());
        return new NodeDataStore(executorSide);
    }
}
