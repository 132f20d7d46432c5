package dev.drove.executor.instances;

import com.github.dockerjava.api.command.InspectContainerResponse;
import dev.drove.executor.logs.ContainerLogFollower;
import dev.drove.models.instance.InstanceState;
import jakarta.inject.Inject;

import java.util.Optional;

/**
 * UNKNOWN (an instance adopted after an executor restart): if its container still runs, follow its output from now
 * on → UNREADY, whose readiness check skips the initial delay. A container that is gone or has exited → LOST. The
 * container is never restarted or recreated.
 */
final class UnknownStep implements InstanceStep {
    private final InstanceContainers containers;

    @Inject
    UnknownStep(InstanceContainers containers) {
        this.containers = containers;
    }

    @Override
    public Move<InstanceState> run(ServiceInstance instance) {
        Optional<InspectContainerResponse> container = containers.engine().inspect(instance.containerId());
        if (container.isEmpty()) {
            return Move.failed(InstanceState.LOST, "Container " + instance.containerId()
                    + " is gone; it was lost while the executor was down");
        }
        var state = container.get().getState();
        if (!Boolean.TRUE.equals(state.getRunning())) {
            return Move.failed(InstanceState.LOST, "Container exited with code " + state.getExitCodeLong()
                    + " while the executor was down");
        }
        containers.follow(instance, ContainerLogFollower.Start.FROM_NOW);
        return Move.to(InstanceState.UNREADY);
    }
}
