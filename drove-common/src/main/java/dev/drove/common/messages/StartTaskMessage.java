package dev.drove.common.messages;

import java.util.Objects;

/** Start the task run {@code spec} on the addressed executor. */
public record StartTaskMessage(MessageHeader header, ExecutorAddress address, TaskInstanceSpec spec)
        implements ExecutorMessage {
    public StartTaskMessage {
        Objects.requireNonNull(header, "header is required");
        Objects.requireNonNull(address, "address is required");
        Objects.requireNonNull(spec, "spec is required");
    }

    @Override
    public ExecutorMessageType type() {
        return ExecutorMessageType.START_TASK;
    }
}
