package dev.drove.models.operation;

import dev.drove.models.application.ApplicationSpec;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/** Kills a running task. */
public record TaskKillOperation(
        @NotEmpty @Pattern(regexp = ApplicationSpec.NAME_PATTERN, message = ApplicationSpec.NAME_MESSAGE)
        String sourceAppName,
        @NotEmpty @Pattern(regexp = ApplicationSpec.NAME_PATTERN, message = ApplicationSpec.NAME_MESSAGE)
        String taskId,
        @NotNull @Valid ClusterOpSpec opSpec) implements TaskOperation {

    @Override
    public TaskOperationType operationType() {
        return TaskOperationType.KILL;
    }
}
