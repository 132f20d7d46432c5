package dev.drove.models.operation;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * A change asked of a task, posted to {@code /apis/v1/tasks/operations} (docs: tasks/operations.md). Of the op spec
 * only {@code timeout} matters for tasks. Task operations cannot be cancelled.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = TaskCreateOperation.class, name = "CREATE"),
        @JsonSubTypes.Type(value = TaskKillOperation.class, name = "KILL")})
public sealed interface TaskOperation permits TaskCreateOperation, TaskKillOperation {

    String sourceAppName();

    String taskId();

    TaskOperationType operationType();

    ClusterOpSpec opSpec();
}
