package dev.drove.common.messages;

import java.util.Objects;

/** Stop the local service instance {@code instanceId}. */
public record StopLocalServiceInstanceMessage(MessageHeader header, ExecutorAddress address, String instanceId)
        implements ExecutorMessage {
    public StopLocalServiceInstanceMessage {
        Objects.requireNonNull(header, "header is required");
        Objects.requireNonNull(address, "address is required");
        Objects.requireNonNull(instanceId, "instanceId is required");
    }

    @Override
    public ExecutorMessageType type() {
        return ExecutorMessageType.STOP_LOCAL_SERVICE_INSTANCE;
    }
}
