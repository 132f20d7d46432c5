package dev.drove.common.messages;

/** The {@code type} of an {@link ExecutorMessage}, spelled as in the original. */
public enum ExecutorMessageType {
    START_INSTANCE,
    STOP_INSTANCE,
    START_TASK,
    STOP_TASK,
    START_LOCAL_SERVICE_INSTANCE,
    STOP_LOCAL_SERVICE_INSTANCE,
    BLACKLIST,
    UNBLACKLIST
}
