package dev.drove.executor.instances;

import dev.drove.models.taskinstance.TaskState;
import jakarta.inject.Inject;

/**
 * Task RUN_COMPLETED, PROVISIONING_FAILED, RUN_FAILED: the run is over (its result or error is kept) →
 * DEPROVISIONING.
 */
final class TaskCleanupStep implements TaskStep {
    @Inject
    TaskCleanupStep() {
    }

    @Override
    public Move<TaskState> run(TaskRun task) {
        return Move.to(TaskState.DEPROVISIONING);
    }
}
