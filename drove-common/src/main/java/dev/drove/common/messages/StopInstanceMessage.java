package dev.drove.common.messages;

import java.util.Objects;

/** Stop the application instance {@code instanceId}: pre-shutdown hooks, then the container is killed. */
public record StopInstanceMessage(MessageHeader header, ExecutorAddress address, String instanceId)
        implements ExecutorMessage {
    public StopInstanceMessage {
        Objects.requireNonNull(header, "header is required");
        Objects.requireNonNull(address, "address is required");
        Objects.requireNonNull(instanceId, "instanceId is required");
    }

    @Override
    public ExecutorMessageType type() {
        return ExecutorMessageType.STOP_INSTANCE;
    }
}
