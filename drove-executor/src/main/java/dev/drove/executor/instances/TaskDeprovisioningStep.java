package dev.drove.executor.instances;

import dev.drove.models.taskinstance.TaskState;
import jakarta.inject.Inject;

/** Task DEPROVISIONING: remove the container and (unless cached) its image, release the resources → STOPPED. */
final class TaskDeprovisioningStep implements TaskStep {
    private final InstanceContainers containers;

    @Inject
    TaskDeprovisioningStep(InstanceContainers containers) {
        this.containers = containers;
    }

    @Override
    public Move<TaskState> run(TaskRun task) {
        containers.cleanUp(task);
        return Move.to(TaskState.STOPPED);
    }
}
