package dev.drove.models.operation;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;

import java.util.List;

/**
 * Stops the named instances of a RUNNING application. Unless {@code skipRespawn}, replacements are started first.
 *
 * @param instanceIds application instance ids ({@code AI-...})
 */
public record ApplicationStopInstancesOperation(
        @NotEmpty String appId,
        @NotEmpty List<String> instanceIds,
        boolean skipRespawn,
        @NotNull @Valid ClusterOpSpec opSpec) implements ApplicationOperation {

    public ApplicationStopInstancesOperation {
        instanceIds = instanceIds == null ? null : List.copyOf(instanceIds);
    }

    @Override
    public ApplicationOperationType operationType() {
        return ApplicationOperationType.STOP_INSTANCES;
    }
}
