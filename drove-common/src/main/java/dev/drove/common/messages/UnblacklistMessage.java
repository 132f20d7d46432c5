package dev.drove.common.messages;

import java.util.Objects;

/** Put the addressed executor back into rotation. */
public record UnblacklistMessage(MessageHeader header, ExecutorAddress address) implements ExecutorMessage {
    public UnblacklistMessage {
        Objects.requireNonNull(header, "header is required");
        Objects.requireNonNull(address, "address is required");
    }

    @Override
    public ExecutorMessageType type() {
        return ExecutorMessageType.UNBLACKLIST;
    }
}
