package dev.drove.models.operation;

import dev.drove.models.application.ApplicationSpec;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/**
 * Creates an application from its spec (state none -> MONITORING); fails when the app id exists.
 *
 * @param instances instances to start right away, 0..2048
 */
public record ApplicationCreateOperation(
        @NotNull @Valid ApplicationSpec spec,
        @Min(0) @Max(2048) int instances,
        @NotNull @Valid ClusterOpSpec opSpec) implements ApplicationOperation {

    @Override
    public String appId() {
        return spec == null ? null : spec.appId();
    }

    @Override
    public ApplicationOperationType operationType() {
        return ApplicationOperationType.CREATE;
    }
}
