package dev.drove.executor.instances;

import com.github.dockerjava.api.command.InspectContainerResponse;
import dev.drove.executor.logs.ContainerLogFollower;
import dev.drove.models.taskinstance.TaskResult;
import dev.drove.models.taskinstance.TaskState;
import jakarta.inject.Inject;

import java.util.Optional;

/**
 * Task UNKNOWN (adopted after an executor restart) → RUNNING while its container exists: a running one has its
 * output followed from now on, a finished one yields its result in RUNNING at once. No container → LOST.
 */
final class TaskUnknownStep implements TaskStep {
    private final InstanceContainers containers;

    @Inject
    TaskUnknownStep(InstanceContainers containers) {
        this.containers = containers;
    }

    @Override
    public Move<TaskState> run(TaskRun task) {
        Optional<InspectContainerResponse> container = containers.engine().inspect(task.containerId());
        if (container.isEmpty()) {
            task.result(new TaskResult(TaskResult.Status.LOST, -1));
            return Move.failed(TaskState.LOST, "Container " + task.containerId()
                    + " is gone; it was lost while the executor was down");
        }
        if (Boolean.TRUE.equals(container.get().getState().getRunning())) {
            containers.follow(task, ContainerLogFollower.Start.FROM_NOW);
        }
        return Move.to(TaskState.RUNNING);
    }
}
