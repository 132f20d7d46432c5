package dev.drove.executor.instances;

import dev.drove.models.instance.InstanceState;
import jakarta.inject.Inject;

/** UNHEALTHY: the instance will stop (docs: applications/instances.md); the error stays on the instance. */
final class UnhealthyStep implements InstanceStep {
    @Inject
    UnhealthyStep() {
    }

    @Override
    public Move<InstanceState> run(ServiceInstance instance) {
        return Move.to(InstanceState.STOPPING);
    }
}
