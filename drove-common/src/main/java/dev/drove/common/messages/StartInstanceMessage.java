package dev.drove.common.messages;

import java.util.Objects;

/** Start the application instance {@code spec} on the addressed executor. */
public record StartInstanceMessage(MessageHeader header, ExecutorAddress address, ApplicationInstanceSpec spec)
        implements ExecutorMessage {
    public StartInstanceMessage {
        Objects.requireNonNull(header, "header is required");
        Objects.requireNonNull(address, "address is required");
        Objects.requireNonNull(spec, "spec is required");
    }

    @Override
    public ExecutorMessageType type() {
        return ExecutorMessageType.START_INSTANCE;
    }
}
