package dev.drove.controller.cluster;

import dev.drove.common.discovery.ExecutorId;
import dev.drove.common.discovery.NodeDataStore;
import dev.drove.common.messages.ControllerMessage;
import dev.drove.common.messages.MessageStatus;
import dev.drove.common.testkit.ZookeeperExtension;
import dev.drove.controller.scheduler.ClusterResources;
import dev.drove.controller.scheduler.CoreState;
import dev.drove.controller.statestore.ZkApplicationStore;
import dev.drove.controller.statestore.ZkInstanceStore;
import dev.drove.controller.statestore.ZkLocalServiceInstanceStore;
import dev.drove.controller.statestore.ZkTaskStore;
import dev.drove.models.application.executable.DockerCoordinates;
import dev.drove.models.instance.InstanceInfo;
import dev.drove.models.instance.InstanceState;
import dev.drove.models.instance.LocalServiceInstanceInfo;
import dev.drove.models.instance.LocalServiceInstanceState;
import dev.drove.models.taskinstance.TaskInfo;
import dev.drove.models.taskinstance.TaskState;
import org.apache.curator.framework.CuratorFramework;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import static dev.drove.controller.cluster.ClusterTestData.APP_ID;
import static dev.drove.controller.cluster.ClusterTestData.EXECUTOR_ID;
import static dev.drove.controller.cluster.ClusterTestData.application;
import static dev.drove.controller.cluster.ClusterTestData.entry;
import static dev.drove.controller.cluster.ClusterTestData.instance;
import static dev.drove.controller.cluster.ClusterTestData.snapshot;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** What executors report reaches the stores and the scheduler's book, on the leader only. */
@ExtendWith(ZookeeperExtension.class)
class ReportIntakeTest {
    private final AtomicBoolean leading = new AtomicBoolean(true);

    @Test
    void anInstanceReportUpdatesTheInstanceAndTheExecutorsResources(CuratorFramework curator) {
        var resources = new ClusterResources();
        var parts = parts(curator, resources);
        parts.tracker().observe(entry(5_000));
        var healthy = instance("AI-1", EXECUTOR_ID, 2, InstanceState.HEALTHY, 6_000);

        var answer = parts.intake().handle(ControllerMessage.instanceStateReport(snapshot(EXECUTOR_ID,
                List.of(healthy)), healthy));

        assertThat(answer.status()).isEqualTo(MessageStatus.HANDLED);
        assertThat(new ZkInstanceStore(curator).find(APP_ID, "AI-1")).contains(healthy);
        assertThat(resources.coreState(EXECUTOR_ID, 2)).contains(CoreState.IN_USE);
    }

    @Test
    void aReportOlderThanWhatIsStoredDoesNotRegressTheInstance(CuratorFramework curator) {
        var parts = parts(curator, new ClusterResources());
        var healthy = instance("AI-1", InstanceState.HEALTHY, 6_000);
        var starting = instance("AI-1", InstanceState.STARTING, 5_000);
        parts.intake().handle(ControllerMessage.instanceStateReport(snapshot(EXECUTOR_ID, List.of(healthy)),
                healthy));

        parts.intake().handle(ControllerMessage.instanceStateReport(snapshot(EXECUTOR_ID, List.of(starting)),
                starting));

        assertThat(new ZkInstanceStore(curator).find(APP_ID, "AI-1")).map(InstanceInfo::state)
                .contains(InstanceState.HEALTHY);
    }

    @Test
    void aHealthyReportForAnInstanceMarkedLostLeavesItLostAndAsksItsExecutorToStopIt(CuratorFramework curator) {
        var parts = parts(curator, new ClusterResources());
        var stopsAsked = new CopyOnWriteArrayList<String>();
        parts.states().whenLostInstanceReportedAlive(info -> stopsAsked.add(info.executorId() + "/"
                + info.instanceId()));
        var healthy = instance("AI-1", InstanceState.HEALTHY, 6_000);
        parts.intake().handle(ControllerMessage.instanceStateReport(snapshot(EXECUTOR_ID, List.of(healthy)),
                healthy));
        parts.states().record(instance("AI-1", InstanceState.LOST, 7_000));
        var back = instance("AI-1", InstanceState.HEALTHY, 9_000);

        var answer = parts.intake().handle(ControllerMessage.instanceStateReport(snapshot(EXECUTOR_ID,
                List.of(back)), back));
        parts.intake().handle(ControllerMessage.executorSnapshot(entry(9_500, back)));
        var stopping = instance("AI-1", InstanceState.STOPPED, 10_000);
        parts.intake().handle(ControllerMessage.instanceStateReport(snapshot(EXECUTOR_ID, List.of()), stopping));

        assertThat(answer.status()).isEqualTo(MessageStatus.HANDLED);
        assertThat(new ZkInstanceStore(curator).find(APP_ID, "AI-1")).map(InstanceInfo::state)
                .contains(InstanceState.LOST);
        assertThat(stopsAsked).isNotEmpty().allMatch((EXECUTOR_ID + "/AI-1")::equals);
    }

    @Test
    void aControllerThatDoesNotLeadAnswersFailedAndStoresNothing(CuratorFramework curator) {
        var parts = parts(curator, new ClusterResources());
        leading.set(false);
        var healthy = instance("AI-1", InstanceState.HEALTHY, 6_000);

        var answer = parts.intake().handle(ControllerMessage.instanceStateReport(snapshot(EXECUTOR_ID,
                List.of(healthy)), healthy));

        assertThat(answer.status()).isEqualTo(MessageStatus.FAILED);
        assertThat(answer.message()).contains("not the leader");
        assertThat(new ZkInstanceStore(curator).find(APP_ID, "AI-1")).isEmpty();
    }

    @Test
    void taskReportsAreStoredUnlessOlder(CuratorFramework curator) {
        var parts = parts(curator, new ClusterResources());
        var running = task(TaskState.RUNNING, 6_000);

        parts.intake().handle(ControllerMessage.taskStateReport(snapshot(EXECUTOR_ID, List.of()), running));
        parts.intake().handle(ControllerMessage.taskStateReport(snapshot(EXECUTOR_ID, List.of()),
                task(TaskState.STARTING, 5_000)));

        assertThat(new ZkTaskStore(curator).find("billing", "report-1")).contains(running);
    }

    @Test
    void localServiceInstanceReportsAreStored(CuratorFramework curator) {
        var parts = parts(curator, new ClusterResources());
        var instance = new LocalServiceInstanceInfo("dns-1", "dns", "SI-1", EXECUTOR_ID, null, List.of(),
                LocalServiceInstanceState.HEALTHY, Map.of(), "", new Date(1_000), new Date(6_000));

        var answer = parts.intake().handle(ControllerMessage.localServiceInstanceStateReport(
                snapshot(EXECUTOR_ID, List.of()), instance));

        assertThat(answer.status()).isEqualTo(MessageStatus.HANDLED);
        assertThat(new ZkLocalServiceInstanceStore(curator).find("dns-1", "SI-1")).contains(instance);
    }

    @Test
    void anExecutorSnapshotIsTakenAsItsEntry(CuratorFramework curator) {
        var resources = new ClusterResources();
        var parts = parts(curator, resources);

        parts.intake().handle(ControllerMessage.executorSnapshot(entry(5_000,
                instance("AI-1", InstanceState.HEALTHY, 4_000))));

        assertThat(resources.executorIds()).containsExactly(EXECUTOR_ID);
        assertThat(new ZkInstanceStore(curator).find(APP_ID, "AI-1")).isPresent();
    }

    @Test
    void everyKindOfReportAdmitsTheExecutorItComesFrom(CuratorFramework curator) {
        var parts = parts(curator, new ClusterResources());
        var healthy = instance("AI-1", InstanceState.HEALTHY, 6_000);
        var service = new LocalServiceInstanceInfo("dns-1", "dns", "SI-1", "executor-3", null, List.of(),
                LocalServiceInstanceState.HEALTHY, Map.of(), "", new Date(1_000), new Date(6_000));

        parts.intake().handle(ControllerMessage.instanceStateReport(snapshot(EXECUTOR_ID, List.of(healthy)),
                healthy));
        parts.intake().handle(ControllerMessage.taskStateReport(snapshot("executor-2", List.of()),
                task(TaskState.RUNNING, 6_000)));
        parts.intake().handle(ControllerMessage.localServiceInstanceStateReport(snapshot("executor-3", List.of()),
                service));
        parts.intake().handle(ControllerMessage.executorSnapshot(entry("executor-4.local", 3000, 5_000)));

        assertThat(List.of(EXECUTOR_ID, "executor-2", "executor-3",
                ExecutorId.of("executor-4.local", 3000)))
                .allMatch(parts.tracker()::isAdmitted);
        assertThat(parts.tracker().isAdmitted("executor-5")).isFalse();
    }

    @Test
    void aReportFromAnExecutorWaitingForAdmissionPutsItsEntryInTheBook(CuratorFramework curator) {
        var resources = new ClusterResources();
        var parts = parts(curator, resources);
        var published = new NodeDataStore(curator);
        published.publish(entry(5_000));
        parts.tracker().leadershipAcquired();
        try {
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> parts.tracker().waitingExecutors().contains(EXECUTOR_ID));
            var healthy = instance("AI-1", EXECUTOR_ID, 2, InstanceState.HEALTHY, 6_000);

            parts.intake().handle(ControllerMessage.instanceStateReport(snapshot(EXECUTOR_ID, List.of(healthy)),
                    healthy));

            assertThat(resources.executorIds()).containsExactly(EXECUTOR_ID);
            assertThat(resources.coreState(EXECUTOR_ID, 2)).contains(CoreState.IN_USE);
        } finally {
            parts.tracker().close();
            published.remove();
        }
    }

    @Test
    void aControllerThatDoesNotLeadAdmitsNobody(CuratorFramework curator) {
        var parts = parts(curator, new ClusterResources());
        leading.set(false);

        parts.intake().handle(ControllerMessage.executorSnapshot(entry(5_000)));

        assertThat(parts.tracker().isAdmitted(EXECUTOR_ID)).isFalse();
    }

    private record Parts(ExecutorTracker tracker, ReportIntake intake, InstanceStates states) {
    }

    private Parts parts(CuratorFramework curator, ClusterResources resources) {
        var applications = new ZkApplicationStore(curator);
        applications.save(application());
        var instances = new ZkInstanceStore(curator);
        var states = new InstanceStates(instances, applications);
        var tracker = new ExecutorTracker(new NodeDataStore(curator), resources, states, instances, applications,
                Duration.ofSeconds(45), Duration.ofSeconds(1));
        return new Parts(tracker, new ReportIntake(leading::get, tracker, states, new ZkTaskStore(curator),
                new ZkLocalServiceInstanceStore(curator)), states);
    }

    private static TaskInfo task(TaskState state, long updated) {
        return new TaskInfo("billing", "report-1", "TI-1", EXECUTOR_ID, "executor-1.local",
                DockerCoordinates.of("ghcr.io/example/report:1"), List.of(), null, null, Map.of(), state, Map.of(),
                null, "", new Date(1_000), new Date(updated));
    }
}
