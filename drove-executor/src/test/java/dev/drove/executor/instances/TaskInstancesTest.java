package dev.drove.executor.instances;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.command.WaitContainerResultCallback;
import com.github.dockerjava.api.exception.NotFoundException;
import dev.drove.common.messages.TaskInstanceSpec;
import dev.drove.models.taskinstance.TaskInfo;
import dev.drove.models.taskinstance.TaskResult;
import dev.drove.models.taskinstance.TaskState;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static dev.drove.models.taskinstance.TaskState.DEPROVISIONING;
import static dev.drove.models.taskinstance.TaskState.PENDING;
import static dev.drove.models.taskinstance.TaskState.PROVISIONING;
import static dev.drove.models.taskinstance.TaskState.RUNNING;
import static dev.drove.models.taskinstance.TaskState.RUN_COMPLETED;
import static dev.drove.models.taskinstance.TaskState.STARTING;
import static dev.drove.models.taskinstance.TaskState.STOPPED;
import static dev.drove.models.taskinstance.TaskState.UNKNOWN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** Task instances on the real engine: results by exit code, cancellation, adoption of a finished run. */
class TaskInstancesTest extends OnRealEngine {
    private static final Duration WITHIN = Duration.ofSeconds(30);


    @Test
    void aTaskThatExitsWithZeroCompletesSuccessfullyAndIsCleanedUp(DockerClient docker) throws Exception {
        TaskInstanceSpec spec = TestSpecs.task(1, 0);

        instances.startTask(spec);

        TaskInfo stopped = awaitState(spec.instanceId(), STOPPED);
        assertThat(heard.taskStates(spec.instanceId()))
                .containsExactly(PENDING, PROVISIONING, STARTING, RUNNING, RUN_COMPLETED, DEPROVISIONING, STOPPED);
        assertThat(heard.firstTask(spec.instanceId(), RUN_COMPLETED).taskResult())
                .isEqualTo(new TaskResult(TaskResult.Status.SUCCESSFUL, 0));
        assertThat(stopped.taskResult()).isEqualTo(new TaskResult(TaskResult.Status.SUCCESSFUL, 0));
        assertThat(stopped.errorMessage()).isEmpty();
        assertThat(stopped.executorId()).isEqualTo(TestExecutor.IDENTITY.executorId());
        assertThat(stopped.hostname()).isEqualTo(TestExecutor.HOSTNAME);
        assertThat(containerExists(docker, spec.instanceId())).isFalse();
        assertThat(executor.resources().holds(spec.instanceId())).isFalse();
        assertThat(instances.tasks()).isEmpty();
        assertThat(instances.findTask(spec.instanceId())).map(TaskInfo::state).contains(STOPPED);
    }

    @Test
    void aTaskThatExitsWithThreeFailsWithThatExitCode() throws Exception {
        TaskInstanceSpec spec = TestSpecs.task(1, 3);

        instances.startTask(spec);

        TaskInfo stopped = awaitState(spec.instanceId(), STOPPED);
        assertThat(heard.firstTask(spec.instanceId(), RUN_COMPLETED).taskResult())
                .isEqualTo(new TaskResult(TaskResult.Status.FAILED, 3));
        assertThat(stopped.taskResult()).isEqualTo(new TaskResult(TaskResult.Status.FAILED, 3));
    }

    @Test
    void aLongTaskStoppedWhileRunningIsCancelled(DockerClient docker) throws Exception {
        TaskInstanceSpec spec = TestSpecs.task(100, 0);
        instances.startTask(spec);
        awaitState(spec.instanceId(), RUNNING);

        InspectContainerResponse container = docker.inspectContainerCmd(spec.instanceId()).exec();
        assertThat(container.getConfig().getLabels()).containsEntry(ContainerLabels.JOB_TYPE, "COMPUTATION")
                .containsEntry(ContainerLabels.INSTANCE_ID, spec.instanceId());
        assertThat(List.of(container.getConfig().getEnv())).contains("DROVE_TASK_ID=" + spec.taskId(),
                "DROVE_INSTANCE_ID=" + spec.instanceId(), "DROVE_SOURCE_APP_NAME=TEST_APP",
                "HOST=" + TestExecutor.HOSTNAME, "DROVE_CONTAINER_ID=" + TestSpecs.TASK_IMAGE);
        assertThat(List.of(container.getConfig().getEnv())).noneMatch(variable ->
                variable.startsWith("DROVE_APP_INSTANCE_AUTH_TOKEN="));
        assertThat(container.getHostConfig().getCpusetCpus()).isEqualTo("0");
        assertThat(instances.tasks()).extracting(TaskInfo::instanceId).containsExactly(spec.instanceId());

        assertThat(instances.stop(spec.instanceId())).isTrue();

        TaskInfo stopped = awaitState(spec.instanceId(), STOPPED);
        assertThat(heard.taskStates(spec.instanceId())).endsWith(RUNNING, RUN_COMPLETED, DEPROVISIONING, STOPPED);
        assertThat(stopped.taskResult()).isEqualTo(new TaskResult(TaskResult.Status.CANCELLED, 143));
        assertThat(containerExists(docker, spec.instanceId())).isFalse();
    }

    @Test
    void aTaskStoppedBeforeItsContainerStartsIsCancelledWithoutAContainer(DockerClient docker) throws Exception {
        TaskInstanceSpec spec = TestSpecs.task(100, 0);
        instances.startTask(spec);
        instances.stop(spec.instanceId());

        TaskInfo stopped = awaitState(spec.instanceId(), STOPPED);
        assertThat(stopped.taskResult().status()).isEqualTo(TaskResult.Status.CANCELLED);
        assertThat(containerExists(docker, spec.instanceId())).isFalse();
    }

    @Test
    void aTaskThatFinishedWhileTheExecutorWasDownIsAdoptedWithItsResult(DockerClient docker) throws Exception {
        // Long enough (6 iterations, 1 s each) to still run when the executor closes: a task that ends first would be
        // cleaned up by the old runtime, and there would be nothing left to adopt.
        TaskInstanceSpec spec = TestSpecs.task(6, 5);
        instances.startTask(spec);
        awaitState(spec.instanceId(), RUNNING);
        executor.close();
        InspectContainerResponse container = docker.inspectContainerCmd(spec.instanceId()).exec();
        docker.waitContainerCmd(container.getId()).exec(new WaitContainerResultCallback())
                .awaitStatusCode(20, TimeUnit.SECONDS);

        try (TestExecutor restarted = new TestExecutor()) {
            RecordingListener heardAfterRestart = new RecordingListener();
            restarted.instances().addListener(heardAfterRestart);

            restarted.instances().adopt(container.getId(), container.getConfig().getLabels());

            await().atMost(WITHIN).until(() -> heardAfterRestart.taskStates(spec.instanceId()).contains(STOPPED));
            assertThat(heardAfterRestart.taskStates(spec.instanceId()))
                    .containsExactly(UNKNOWN, RUNNING, RUN_COMPLETED, DEPROVISIONING, STOPPED);
            assertThat(heardAfterRestart.lastTask(spec.instanceId()).taskResult())
                    .isEqualTo(new TaskResult(TaskResult.Status.FAILED, 5));
            assertThat(containerExists(docker, container.getId())).isFalse();
        }
    }

    @Test
    void adoptingAContainerWithoutDroveLabelsIsRefusedWithTheMissingLabel() {
        assertThatThrownBy(() -> instances.adopt("0123456789ab", java.util.Map.of("drove.instance.id", "TI-1")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("The container has no label drove.job.type");
    }

    private TaskInfo awaitState(String instanceId, TaskState state) {
        await().atMost(WITHIN).until(() -> heard.taskStates(instanceId).contains(state));
        return heard.firstTask(instanceId, state);
    }

    private static boolean containerExists(DockerClient docker, String nameOrId) {
        try {
            docker.inspectContainerCmd(nameOrId).exec();
            return true;
        } catch (NotFoundException e) {
            return false;
        }
    }
}
