package dev.drove.executor.instances;

import dev.drove.models.taskinstance.TaskState;
import jakarta.inject.Inject;

import java.util.List;

/**
 * Task STARTING: build the container (no ports), create and start it, follow its output → RUNNING; a failure →
 * RUN_FAILED with the reason; a stop requested meanwhile → RUN_COMPLETED (CANCELLED) without a container.
 */
final class TaskStartingStep implements TaskStep {
    private final InstanceContainers containers;
    private final ContainerRequests requests;

    @Inject
    TaskStartingStep(InstanceContainers containers, ContainerRequests requests) {
        this.containers = containers;
        this.requests = requests;
    }

    @Override
    public Move<TaskState> run(TaskRun task) {
        if (task.isStopRequested()) {
            return TaskPendingStep.cancelledBeforeStart(task);
        }
        try {
            containers.createAndStart(task, requests.of(task, List.of()));
            return Move.to(TaskState.RUNNING);
        } catch (ConfigFileException | RuntimeException e) {
            return Move.failed(TaskState.RUN_FAILED, e.getMessage() == null
                    ? e.getClass().getSimpleName() : e.getMessage());
        }
    }
}
