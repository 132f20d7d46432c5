package dev.drove.common.messages;

import java.util.Objects;

/** Kill the task run {@code instanceId} (a task KILL operation). */
public record StopTaskMessage(MessageHeader header, ExecutorAddress address, String instanceId)
        implements ExecutorMessage {
    public StopTaskMessage {
        Objects.requireNonNull(header, "header is required");
        Objects.requireNonNull(address, "address is required");
        Objects.requireNonNull(instanceId, "instanceId is required");
    }

    @Override
    public ExecutorMessageType type() {
        return ExecutorMessageType.STOP_TASK;
    }
}
