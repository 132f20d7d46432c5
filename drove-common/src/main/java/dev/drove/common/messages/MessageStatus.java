package dev.drove.common.messages;

/** How a node answered a message (the {@code status} of a {@link MessageResponse}). */
public enum MessageStatus {
    /** Done while the sender waited. */
    HANDLED,
    /** Taken on; the outcome arrives later (state reports, instance info in ZooKeeper). */
    ACCEPTED,
    /** Refused; resending the same message will not help (unknown instance, executor blacklisted, …). */
    REJECTED,
    /** Could not be delivered or processed; the sender may retry. Any non-200 answer reads as this. */
    FAILED
}
