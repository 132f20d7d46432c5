package dev.drove.executor.instances;

import dev.drove.models.taskinstance.TaskResult;
import dev.drove.models.taskinstance.TaskState;
import jakarta.inject.Inject;

/** Task PENDING → PROVISIONING; a stop that arrived before anything started ends the run as CANCELLED. */
final class TaskPendingStep implements TaskStep {
    @Inject
    TaskPendingStep() {
    }

    @Override
    public Move<TaskState> run(TaskRun task) {
        if (task.isStopRequested()) {
            return cancelledBeforeStart(task);
        }
        return Move.to(TaskState.PROVISIONING);
    }

    /** RUN_COMPLETED with a CANCELLED result and no exit code (-1): the container never ran. */
    static Move<TaskState> cancelledBeforeStart(TaskRun task) {
        task.result(new TaskResult(TaskResult.Status.CANCELLED, -1));
        return new Move<>(TaskState.RUN_COMPLETED, null, ": cancelled before its container started");
    }
}
