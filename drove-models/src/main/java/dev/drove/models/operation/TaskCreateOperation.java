package dev.drove.models.operation;

import dev.drove.models.task.TaskSpec;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

/** Creates and immediately runs a task; fails when {@code {sourceAppName, taskId}} exists. */
public record TaskCreateOperation(@NotNull @Valid TaskSpec spec, @NotNull @Valid ClusterOpSpec opSpec)
        implements TaskOperation {

    @Override
    public String sourceAppName() {
        return spec == null ? null : spec.sourceAppName();
    }

    @Override
    public String taskId() {
        return spec == null ? null : spec.taskId();
    }

    @Override
    public TaskOperationType operationType() {
        return TaskOperationType.CREATE;
    }
}
