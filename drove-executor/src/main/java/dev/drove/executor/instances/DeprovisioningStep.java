package dev.drove.executor.instances;

import dev.drove.models.instance.InstanceState;
import jakarta.inject.Inject;

/** DEPROVISIONING: remove the container and (unless cached) its image, release the cores and memory → STOPPED. */
final class DeprovisioningStep implements InstanceStep {
    private final InstanceContainers containers;

    @Inject
    DeprovisioningStep(InstanceContainers containers) {
        this.containers = containers;
    }

    @Override
    public Move<InstanceState> run(ServiceInstance instance) {
        containers.cleanUp(instance);
        return Move.to(InstanceState.STOPPED);
    }
}
