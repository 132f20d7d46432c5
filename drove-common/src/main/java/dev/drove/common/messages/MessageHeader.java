package dev.drove.common.messages;

import dev.drove.models.info.nodedata.NodeType;

import java.util.Date;
import java.util.Objects;
import java.util.UUID;

/**
 * The envelope part every message and reply carries (contract §4): a fresh {@code id}, who sent it, whether it asks
 * or answers, the id of the message a reply answers, and when it was made (epoch millis in JSON).
 *
 * @param replyToId the {@code id} of the request a REPLY answers; absent on a REQUEST
 */
public record MessageHeader(UUID id, NodeType senderType, Direction direction, UUID replyToId, Date messageTime) {

    /** Whether a message asks (REQUEST) or answers (REPLY). */
    public enum Direction {
        REQUEST,
        REPLY
    }

    public MessageHeader {
        Objects.requireNonNull(id, "id is required");
        Objects.requireNonNull(senderType, "senderType is required");
        Objects.requireNonNull(direction, "direction is required");
        messageTime = messageTime == null ? new Date() : new Date(messageTime.getTime());
    }

    /** A new request from a node of type {@code sender}, made now. */
    public static MessageHeader request(NodeType sender) {
        return new MessageHeader(UUID.randomUUID(), sender, Direction.REQUEST, null, new Date());
    }

    /** A new reply from a node of type {@code sender} to the request {@code requestId}, made now. */
    public static MessageHeader reply(NodeType sender, UUID requestId) {
        return new MessageHeader(UUID.randomUUID(), sender, Direction.REPLY,
                Objects.requireNonNull(requestId, "requestId is required"), new Date());
    }

    @Override
    public Date messageTime() {
        return new Date(messageTime.getTime());
    }
}
