package dev.drove.common.messages;

import com.fasterxml.jackson.annotation.JsonIgnore;

import java.util.Objects;

/**
 * The answer to a {@link Message}, the body of a {@code /apis/v1/messages} reply (contract §4). Its header is a REPLY
 * from the node that received the message, naming the message's id.
 *
 * @param message why, for REJECTED and FAILED; absent otherwise
 */
public record MessageResponse(MessageHeader header, MessageStatus status, String message) {
    public MessageResponse {
        Objects.requireNonNull(header, "header is required");
        Objects.requireNonNull(status, "status is required");
    }

    /** The receiver's answer {@code status} to {@code request}. */
    public static MessageResponse replyTo(Message request, MessageStatus status, String message) {
        return new MessageResponse(MessageHeader.reply(request.recipientType(), request.header().id()), status,
                message);
    }

    public static MessageResponse handled(Message request) {
        return replyTo(request, MessageStatus.HANDLED, null);
    }

    public static MessageResponse accepted(Message request) {
        return replyTo(request, MessageStatus.ACCEPTED, null);
    }

    public static MessageResponse rejected(Message request, String why) {
        return replyTo(request, MessageStatus.REJECTED, why);
    }

    /**
     * A FAILED answer to {@code request}. Senders also use it to stand for an answer that never came (no connection,
     * a non-200 status); its header then still names the receiver's node type, as if the receiver had failed.
     */
    public static MessageResponse failed(Message request, String why) {
        return replyTo(request, MessageStatus.FAILED, why);
    }

    /** Whether the receiver took the message on (HANDLED or ACCEPTED). Not part of the JSON. */
    @JsonIgnore
    public boolean isSuccessful() {
        return status == MessageStatus.HANDLED || status == MessageStatus.ACCEPTED;
    }
}
