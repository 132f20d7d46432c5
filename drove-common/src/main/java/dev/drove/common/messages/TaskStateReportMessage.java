package dev.drove.common.messages;

import dev.drove.models.info.resources.ExecutorResourceSnapshot;
import dev.drove.models.taskinstance.TaskInfo;

import java.util.Objects;

/** A task run changed state; {@code resourceSnapshot} is the executor's resources after the change. */
public record TaskStateReportMessage(MessageHeader header, ExecutorResourceSnapshot resourceSnapshot,
                                     TaskInfo instanceInfo) implements ControllerMessage {
    public TaskStateReportMessage {
        Objects.requireNonNull(header, "header is required");
        Objects.requireNonNull(resourceSnapshot, "resourceSnapshot is required");
        Objects.requireNonNull(instanceInfo, "instanceInfo is required");
    }

    @Override
    public ControllerMessageType type() {
        return ControllerMessageType.TASK_STATE_REPORT;
    }
}
