package dev.drove.models.operation;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;

/** Removes an application and all its metadata; only from MONITORING (no running instances). */
public record ApplicationDestroyOperation(@NotEmpty String appId, @NotNull @Valid ClusterOpSpec opSpec)
        implements ApplicationOperation {

    @Override
    public ApplicationOperationType operationType() {
        return ApplicationOperationType.DESTROY;
    }
}
