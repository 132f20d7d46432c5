package dev.drove.models.operation;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;

/**
 * Starts or stops instances so every eligible executor runs the required count; {@code opSpec} is {@link
 * ClusterOpSpec#DEFAULT} when absent.
 */
public record LocalServiceAdjustInstancesOperation(
        @NotEmpty String serviceId,
        @Valid ClusterOpSpec opSpec) implements LocalServiceOperation {

    public LocalServiceAdjustInstancesOperation {
        opSpec = opSpec == null ? ClusterOpSpec.DEFAULT : opSpec;
    }

    @Override
    public LocalServiceOperationType operationType() {
        return LocalServiceOperationType.ADJUST_INSTANCES;
    }
}
