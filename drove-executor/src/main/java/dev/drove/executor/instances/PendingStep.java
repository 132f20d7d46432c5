package dev.drove.executor.instances;

import dev.drove.models.instance.InstanceState;
import jakarta.inject.Inject;

/** PENDING: nothing to do yet; a stop that arrived before anything started goes straight to STOPPING. */
final class PendingStep implements InstanceStep {
    @Inject
    PendingStep() {
    }

    @Override
    public Move<InstanceState> run(ServiceInstance instance) {
        return instance.isStopRequested() ? Move.to(InstanceState.STOPPING) : Move.to(InstanceState.PROVISIONING);
    }
}
