package dev.drove.common.messages;

import java.util.Objects;

/** Take the addressed executor out of rotation: it accepts no new instances or tasks. */
public record BlacklistMessage(MessageHeader header, ExecutorAddress address) implements ExecutorMessage {
    public BlacklistMessage {
        Objects.requireNonNull(header, "header is required");
        Objects.requireNonNull(address, "address is required");
    }

    @Override
    public ExecutorMessageType type() {
        return ExecutorMessageType.BLACKLIST;
    }
}
