package dev.drove.executor.instances;

import dev.drove.models.instance.InstanceState;
import jakarta.inject.Inject;

/**
 * PROVISIONING_FAILED, START_FAILED, READINESS_CHECK_FAILED: the instance never became healthy; whatever was set up
 * is cleaned up → DEPROVISIONING. The error stays on the instance.
 */
final class FailedStartStep implements InstanceStep {
    @Inject
    FailedStartStep() {
    }

    @Override
    public Move<InstanceState> run(ServiceInstance instance) {
        return Move.to(InstanceState.DEPROVISIONING);
    }
}
