package dev.drove.models.events;

/** Metadata keys of {@link TaskStateChangeEvent}s. */
public enum TaskEventDataTag {
    TASK_ID,
    INSTANCE_ID,
    APP_NAME,
    EXECUTOR_ID,
    EXECUTOR_HOST,
    EXECUTABLE,
    PORTS,
    CURRENT_STATE,
    ERROR,
    CREATED,
    RESULT_STATUS,
    RESULT_EXIT_CODE
}
