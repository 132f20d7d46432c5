package dev.drove.executor.instances;

import com.github.dockerjava.api.command.InspectContainerResponse;
import dev.drove.models.taskinstance.TaskResult;
import dev.drove.models.taskinstance.TaskState;
import jakarta.inject.Inject;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Task RUNNING: wait until the container exits (the engine's die event wakes the wait at once) or a stop is
 * requested, then → RUN_COMPLETED with the {@link TaskResult}: SUCCESSFUL for exit code 0, FAILED otherwise;
 * CANCELLED with the exit code when a stop killed it. A container that vanished ends with result LOST. Every
 * {@link #RECHECK} the engine is asked directly as well, so a missed event cannot leave the run hanging.
 */
final class TaskRunningStep implements TaskStep {
    static final Duration RECHECK = Duration.ofSeconds(5);

    private final InstanceContainers containers;

    @Inject
    TaskRunningStep(InstanceContainers containers) {
        this.containers = containers;
    }

    @Override
    public Move<TaskState> run(TaskRun task) {
        while (true) {
            Optional<InspectContainerResponse> container = containers.engine().inspect(task.containerId());
            if (container.isEmpty()) {
                task.result(new TaskResult(TaskResult.Status.LOST, -1));
                return Move.failed(TaskState.RUN_COMPLETED, "Container " + task.containerId() + " disappeared");
            }
            OptionalInt exit = exitCode(container.get(), task.exitedOnItsOwn());
            if (exit.isPresent()) {
                TaskResult result = TaskResult.exited(exit.getAsInt());
                task.result(result);
                return new Move<>(TaskState.RUN_COMPLETED, null,
                        ": " + result.status() + " (exit code " + result.exitCode() + ")");
            }
            if (task.isStopRequested()) {
                return cancel(task);
            }
            task.signal().awaitTrip(RECHECK);
        }
    }

    private Move<TaskState> cancel(TaskRun task) {
        containers.stop(task);
        int code = containers.engine().exitCode(task.containerId()).orElse(-1);
        task.result(new TaskResult(TaskResult.Status.CANCELLED, code));
        return new Move<>(TaskState.RUN_COMPLETED, null, ": CANCELLED by a stop request (exit code " + code + ")");
    }

    /** The engine's exit code once the container has stopped; the event's code while the engine catches up. */
    private static OptionalInt exitCode(InspectContainerResponse container, OptionalInt fromEvent) {
        var state = container.getState();
        boolean stopped = !Boolean.TRUE.equals(state.getRunning()) && !"created".equals(state.getStatus());
        if (stopped && state.getExitCodeLong() != null) {
            return OptionalInt.of(state.getExitCodeLong().intValue());
        }
        return fromEvent.isPresent() && fromEvent.getAsInt() >= 0 ? fromEvent : OptionalInt.empty();
    }
}
