package dev.drove.models.operation;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;

/**
 * Starts {@code instances} more instances (0..1024) of an application in MONITORING or RUNNING.
 */
public record ApplicationStartInstancesOperation(
        @NotEmpty String appId,
        @Min(0) @Max(1024) int instances,
        @NotNull @Valid ClusterOpSpec opSpec) implements ApplicationOperation {

    @Override
    public ApplicationOperationType operationType() {
        return ApplicationOperationType.START_INSTANCES;
    }
}
