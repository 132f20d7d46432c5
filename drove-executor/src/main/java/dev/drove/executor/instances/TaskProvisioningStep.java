package dev.drove.executor.instances;

import dev.drove.executor.engine.ContainerEngineException;
import dev.drove.models.taskinstance.TaskState;
import jakarta.inject.Inject;

/** Task PROVISIONING: pull the image (a local copy runs if the pull fails) → STARTING | PROVISIONING_FAILED. */
final class TaskProvisioningStep implements TaskStep {
    private final InstanceContainers containers;

    @Inject
    TaskProvisioningStep(InstanceContainers containers) {
        this.containers = containers;
    }

    @Override
    public Move<TaskState> run(TaskRun task) {
        try {
            containers.pull(task);
            return Move.to(TaskState.STARTING);
        } catch (ContainerEngineException e) {
            return Move.failed(TaskState.PROVISIONING_FAILED, e.getMessage());
        }
    }
}
