package dev.drove.models.operation;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;

import java.util.Set;

/** Stops the named instances of the service; {@code opSpec} is {@link ClusterOpSpec#DEFAULT} when absent. */
public record LocalServiceStopInstancesOperation(
        @NotEmpty String serviceId,
        @NotEmpty Set<String> instanceIds,
        @Valid ClusterOpSpec opSpec) implements LocalServiceOperation {

    public LocalServiceStopInstancesOperation {
        instanceIds = instanceIds == null ? null : Set.copyOf(instanceIds);
        opSpec = opSpec == null ? ClusterOpSpec.DEFAULT : opSpec;
    }

    @Override
    public LocalServiceOperationType operationType() {
        return LocalServiceOperationType.STOP_INSTANCES;
    }
}
