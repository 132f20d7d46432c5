package dev.drove.controller.cluster;

import dev.drove.common.messages.MessageStatus;

/**
 * How an executor finally answered a message from {@link ExecutorMessenger}, after any retries.
 *
 * @param status ACCEPTED or HANDLED when the executor took it on; REJECTED when it refused (final); FAILED when no
 *               answer came within the retry window, or the executor is not known
 * @param reason why, for REJECTED and FAILED
 */
public record Delivery(MessageStatus status, String reason) {

    /** Whether the executor took the message on. */
    public boolean isAccepted() {
        return status == MessageStatus.ACCEPTED || status == MessageStatus.HANDLED;
    }

    public boolean isRejected() {
        return status == MessageStatus.REJECTED;
    }
}
