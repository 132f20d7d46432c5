package dev.drove.models.operation;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;

/**
 * Brings an application to exactly {@code requiredInstances} (0..2048) instances, stopping the oldest first when
 * scaling down. Submitted as {@code "type": "SCALE"}; its {@link #operationType()} is {@code SCALE_INSTANCES}.
 */
public record ApplicationScaleOperation(
        @NotEmpty String appId,
        @Min(0) @Max(2048) int requiredInstances,
        @NotNull @Valid ClusterOpSpec opSpec) implements ApplicationOperation {

    @Override
    public ApplicationOperationType operationType() {
        return ApplicationOperationType.SCALE_INSTANCES;
    }
}
