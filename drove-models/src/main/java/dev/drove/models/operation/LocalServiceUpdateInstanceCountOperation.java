package dev.drove.models.operation;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;

/** Changes how many instances (1..256) each eligible executor runs. */
public record LocalServiceUpdateInstanceCountOperation(
        @NotEmpty String serviceId,
        @Min(1) @Max(256) int instancesPerHost) implements LocalServiceOperation {

    @Override
    public LocalServiceOperationType operationType() {
        return LocalServiceOperationType.UPDATE_INSTANCE_COUNT;
    }
}
