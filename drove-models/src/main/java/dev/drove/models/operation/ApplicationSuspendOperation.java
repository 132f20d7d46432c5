package dev.drove.models.operation;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;

/** Stops all instances of an application, which goes to MONITORING. */
public record ApplicationSuspendOperation(@NotEmpty String appId, @NotNull @Valid ClusterOpSpec opSpec)
        implements ApplicationOperation {

    @Override
    public ApplicationOperationType operationType() {
        return ApplicationOperationType.SUSPEND;
    }
}
