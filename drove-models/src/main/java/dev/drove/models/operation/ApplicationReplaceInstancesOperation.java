package dev.drove.models.operation;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;

import java.util.Set;

/**
 * Restarts instances of a RUNNING application: by default {@code parallelism} new ones start before as many old
 * ones stop, so capacity is kept.
 *
 * @param instanceIds the instances to replace; empty (or absent) means all healthy ones
 * @param stopFirst   stop the old instances before starting the new ones
 */
public record ApplicationReplaceInstancesOperation(
        @NotEmpty String appId,
        Set<String> instanceIds,
        boolean stopFirst,
        @NotNull @Valid ClusterOpSpec opSpec) implements ApplicationOperation {

    public ApplicationReplaceInstancesOperation {
        instanceIds = instanceIds == null ? Set.of() : Set.copyOf(instanceIds);
    }

    @Override
    public ApplicationOperationType operationType() {
        return ApplicationOperationType.REPLACE_INSTANCES;
    }
}
