package dev.drove.executor.instances;

import dev.drove.executor.hollow.HollowShape;
import dev.drove.executor.topology.ResourceBook;
import dev.drove.models.instance.InstanceState;
import dev.drove.models.taskinstance.TaskResult;
import dev.drove.models.taskinstance.TaskState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Simulated instances (hollow executors) walk the real machines' happy paths without an engine, lock and free
 * resources in the real book, and report every state, as a real executor's instances do. No Docker.
 */
class SimulatedInstancesTest {
    private static final ExecutorIdentity IDENTITY = new ExecutorIdentity("hollow-executor", "hollow-host");
    private static final Duration A_FEW_SECONDS = Duration.ofSeconds(10);

    private final ResourceBook book = new ResourceBook(IDENTITY.executorId(), HollowShape.DEFAULT.offer("hollow-host"));
    private final RecordingListener heard = new RecordingListener();
    private final Instances instances = SimulatedInstances.create(IDENTITY, book,
            new SimulatedInstances.Pace(Duration.ofMillis(10), Duration.ofMillis(300)));

    @AfterEach
    void detach() {
        instances.detach();
    }

    @Test
    void anInstanceBecomesHealthyWithMadeUpPortsIgnoresAResentStartAndStopsOnRequestFreeingItsCores() throws Exception {
        instances.addListener(heard);
        var spec = new TestSpecs.App().build();
        instances.startService(spec);
        await().atMost(A_FEW_SECONDS).until(() -> heard.last(spec.instanceId()) != null
                && heard.last(spec.instanceId()).state() == InstanceState.HEALTHY);
        assertThat(heard.states(spec.instanceId())).containsExactly(InstanceState.PENDING,
                InstanceState.PROVISIONING, InstanceState.STARTING, InstanceState.UNREADY, InstanceState.READY,
                InstanceState.HEALTHY);
        assertThat(heard.last(spec.instanceId()).localInfo().ports().get("main").hostPort()).isGreaterThan(0);
        assertThat(book.holds(spec.instanceId())).isTrue();
        instances.startService(spec);
        assertThat(heard.states(spec.instanceId())).as("a resent START changes nothing").containsOnlyOnce(
                InstanceState.PENDING);
        assertThat(instances.instances()).hasSize(1);
        var resent = new TestSpecs.App();
        resent.instanceId = spec.instanceId();
        instances.startService(resent.build());
        assertThat(heard.states(spec.instanceId())).as("an identical START read from a resent message")
                .containsOnlyOnce(InstanceState.PENDING);
        var other = new TestSpecs.App();
        other.instanceId = spec.instanceId();
        other.memoryMB = 32;
        assertThatThrownBy(() -> instances.startService(other.build())).isInstanceOf(StartRefusedException.class)
                .hasMessageContaining("already running");

        assertThat(instances.stop(spec.instanceId())).isTrue();
        await().atMost(A_FEW_SECONDS).until(() -> heard.last(spec.instanceId()).state() == InstanceState.STOPPED);
        assertThat(heard.states(spec.instanceId())).endsWith(InstanceState.HEALTHY, InstanceState.STOPPING,
                InstanceState.DEPROVISIONING, InstanceState.STOPPED);
        assertThat(book.holds(spec.instanceId())).isFalse();
        assertThat(instances.instances()).isEmpty();
    }

    @Test
    void aTaskRunsItsTimeAndCompletesSuccessfullyAndAStoppedOneIsCancelled() throws Exception {
        instances.addListener(heard);
        var done = TestSpecs.task(1, 0);
        instances.startTask(done);
        await().atMost(A_FEW_SECONDS).until(() -> heard.lastTask(done.instanceId()) != null
                && heard.lastTask(done.instanceId()).state() == TaskState.STOPPED);
        assertThat(heard.taskStates(done.instanceId())).isEqualTo(List.of(TaskState.PENDING, TaskState.PROVISIONING,
                TaskState.STARTING, TaskState.RUNNING, TaskState.RUN_COMPLETED, TaskState.DEPROVISIONING,
                TaskState.STOPPED));
        assertThat(heard.lastTask(done.instanceId()).taskResult()).isEqualTo(new TaskResult(
                TaskResult.Status.SUCCESSFUL, 0));

        var cancelled = TestSpecs.task(1, 0);
        instances.startTask(cancelled);
        await().atMost(A_FEW_SECONDS).until(() -> heard.lastTask(cancelled.instanceId()) != null
                && heard.lastTask(cancelled.instanceId()).state() == TaskState.RUNNING);
        instances.stop(cancelled.instanceId());
        await().atMost(A_FEW_SECONDS).until(() -> heard.lastTask(cancelled.instanceId()).state() == TaskState.STOPPED);
        assertThat(heard.lastTask(cancelled.instanceId()).taskResult().status()).isEqualTo(TaskResult.Status.CANCELLED);
    }
}
