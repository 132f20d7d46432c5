package dev.drove.common.messages;

/** The {@code type} of a {@link ControllerMessage}, spelled as in the original. */
public enum ControllerMessageType {
    INSTANCE_STATE_REPORT,
    TASK_STATE_REPORT,
    LOCAL_SERVICE_INSTANCE_STATE_REPORT,
    EXECUTOR_SNAPSHOT
}
