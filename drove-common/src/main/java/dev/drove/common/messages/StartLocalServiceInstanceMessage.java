package dev.drove.common.messages;

import java.util.Objects;

/** Start the local service instance {@code spec} on the addressed executor. */
public record StartLocalServiceInstanceMessage(MessageHeader header, ExecutorAddress address,
                                               LocalServiceInstanceSpec spec)
        implements ExecutorMessage {
    public StartLocalServiceInstanceMessage {
        Objects.requireNonNull(header, "header is required");
        Objects.requireNonNull(address, "address is required");
        Objects.requireNonNull(spec, "spec is required");
    }

    @Override
    public ExecutorMessageType type() {
        return ExecutorMessageType.START_LOCAL_SERVICE_INSTANCE;
    }
}
