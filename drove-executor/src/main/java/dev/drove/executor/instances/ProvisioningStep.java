package dev.drove.executor.instances;

import dev.drove.executor.engine.ContainerEngineException;
import dev.drove.models.instance.InstanceState;
import jakarta.inject.Inject;

/**
 * PROVISIONING: pull the image within the spec's {@code dockerPullTimeout}; a failed pull of an image this executor
 * has runs the local copy (the engine decides). No image → PROVISIONING_FAILED with the engine's reason.
 */
final class ProvisioningStep implements InstanceStep {
    private final InstanceContainers containers;

    @Inject
    ProvisioningStep(InstanceContainers containers) {
        this.containers = containers;
    }

    @Override
    public Move<InstanceState> run(ServiceInstance instance) {
        try {
            containers.pull(instance);
        } catch (ContainerEngineException e) {
            return Move.failed(InstanceState.PROVISIONING_FAILED, e.getMessage());
        }
        return instance.isStopRequested() ? Move.to(InstanceState.STOPPING) : Move.to(InstanceState.STARTING);
    }
}
