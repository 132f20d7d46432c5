package dev.drove.models.operation;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;

import java.util.Set;

/**
 * Replaces instances ({@code instanceIds}; empty means all), starting new ones first unless {@code stopFirst}. {@code
 * opSpec} is {@link ClusterOpSpec#DEFAULT} when absent.
 */
public record LocalServiceReplaceInstancesOperation(
        @NotEmpty String serviceId,
        Set<String> instanceIds,
        boolean stopFirst,
        @Valid ClusterOpSpec opSpec) implements LocalServiceOperation {

    public LocalServiceReplaceInstancesOperation {
        instanceIds = instanceIds == null ? Set.of() : Set.copyOf(instanceIds);
        opSpec = opSpec == null ? ClusterOpSpec.DEFAULT : opSpec;
    }

    @Override
    public LocalServiceOperationType operationType() {
        return LocalServiceOperationType.REPLACE_INSTANCES;
    }
}
