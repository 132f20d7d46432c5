package dev.drove.controller.tasks;

import dev.drove.common.discovery.NodeDataStore;
import dev.drove.common.testkit.ZookeeperExtension;
import dev.drove.controller.cluster.ExecutorTracker;
import dev.drove.controller.cluster.InstanceStates;
import dev.drove.controller.scheduler.ClusterResources;
import dev.drove.controller.statestore.ZkApplicationStore;
import dev.drove.controller.statestore.ZkInstanceStore;
import dev.drove.controller.statestore.ZkTaskStore;
import dev.drove.models.taskinstance.TaskInfo;
import dev.drove.models.taskinstance.TaskResult;
import dev.drove.models.taskinstance.TaskState;
import org.apache.curator.framework.CuratorFramework;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.Date;

import static dev.drove.controller.tasks.TestTasks.APP;
import static dev.drove.controller.tasks.TestTasks.run;
import static org.assertj.core.api.Assertions.assertThat;

/** Tasks are not moved or retried: runs whose executor is gone end LOST; runs never started end STOPPED. */
@ExtendWith(ZookeeperExtension.class)
class TaskRecoveryTest {
    private ZkTaskStore tasks;
    private ExecutorTracker tracker;
    private TaskRecovery recovery;

    @BeforeEach
    void build(CuratorFramework curator) {
        tasks = new ZkTaskStore(curator);
        var instances = new ZkInstanceStore(curator);
        var applications = new ZkApplicationStore(curator);
        tracker = new ExecutorTracker(new NodeDataStore(curator), new ClusterResources(),
                new InstanceStates(instances, applications), instances, applications, Duration.ofSeconds(10),
                Duration.ofSeconds(1));
        recovery = new TaskRecovery(tasks, new TaskRecords(tasks), tracker, Duration.ofSeconds(10));
    }

    @Test
    void theUnfinishedRunsOfALostExecutorAreLostAndNothingElseChanges() {
        tasks.save(run("T1", TaskState.RUNNING, 1_000));
        tasks.save(run("T2", TaskState.PROVISIONING, 1_000));
        tasks.save(run("T3", TaskState.STOPPED, 1_000));
        var elsewhere = new TaskInfo(APP, "T4", "TI-T4", "executor-2", "host-2", null, null, null, null, null,
                TaskState.RUNNING, null, null, "", new Date(1_000), new Date(1_000));
        tasks.save(elsewhere);

        assertThat(recovery.markLost(TestTasks.EXECUTOR)).isEqualTo(2);

        var lost = tasks.find(APP, "T1").orElseThrow();
        assertThat(lost.state()).isEqualTo(TaskState.LOST);
        assertThat(lost.taskResult()).isEqualTo(new TaskResult(TaskResult.Status.LOST, -1));
        assertThat(lost.errorMessage()).contains("gone longer than the grace period");
        assertThat(tasks.find(APP, "T2").orElseThrow().state()).isEqualTo(TaskState.LOST);
        assertThat(tasks.find(APP, "T3").orElseThrow().state()).isEqualTo(TaskState.STOPPED);
        assertThat(tasks.find(APP, "T4").orElseThrow()).isEqualTo(elsewhere);
    }

    @Test
    void afterTheGraceOfANewTermRunsOnExecutorsNeverSeenAreLost() {
        tasks.save(run("T1", TaskState.RUNNING, 1_000));

        recovery.settleUnseen(new Date());

        assertThat(tasks.find(APP, "T1").orElseThrow().state()).isEqualTo(TaskState.LOST);
    }

    @Test
    void aRunLeftPendingThatItsPresentExecutorDoesNotListIsStoppedAndRunningOnesStay() {
        tracker.observe(TestTasks.executor());
        tasks.save(run("T1", TaskState.PENDING, 1_000));
        tasks.save(run("T2", TaskState.RUNNING, 1_000));

        recovery.settleUnseen(new Date());

        var stopped = tasks.find(APP, "T1").orElseThrow();
        assertThat(stopped.state()).isEqualTo(TaskState.STOPPED);
        assertThat(stopped.errorMessage()).contains("never received the start");
        assertThat(tasks.find(APP, "T2").orElseThrow().state()).isEqualTo(TaskState.RUNNING);
    }

    @Test
    void aRunCreatedInThisTermIsLeftToItsStart() {
        tracker.observe(TestTasks.executor());
        var now = System.currentTimeMillis();
        tasks.save(run("T1", TaskState.PENDING, now));

        recovery.settleUnseen(new Date(now - 1));

        assertThat(tasks.find(APP, "T1").orElseThrow().state()).isEqualTo(TaskState.PENDING);
    }
}
