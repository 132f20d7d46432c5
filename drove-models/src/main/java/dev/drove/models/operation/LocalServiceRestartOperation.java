package dev.drove.models.operation;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;

/**
 * Replaces every instance of the service. Note the field name {@code clusterOpSpec} (not {@code opSpec}), as in the
 * original; {@link ClusterOpSpec#DEFAULT} when absent.
 */
public record LocalServiceRestartOperation(
        @NotEmpty String serviceId,
        boolean stopFirst,
        @Valid ClusterOpSpec clusterOpSpec) implements LocalServiceOperation {

    public LocalServiceRestartOperation {
        clusterOpSpec = clusterOpSpec == null ? ClusterOpSpec.DEFAULT : clusterOpSpec;
    }

    @Override
    public LocalServiceOperationType operationType() {
        return LocalServiceOperationType.RESTART;
    }
}
