package dev.drove.models.operation;

import jakarta.validation.constraints.NotEmpty;

/** Internal: brings an application back to its required instance count after an outage or a leader change. */
public record ApplicationRecoverOperation(@NotEmpty String appId) implements ApplicationOperation {

    @Override
    public ApplicationOperationType operationType() {
        return ApplicationOperationType.RECOVER;
    }

    @Override
    public ClusterOpSpec opSpec() {
        return ClusterOpSpec.DEFAULT;
    }
}
