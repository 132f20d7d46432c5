package dev.drove.models.events;

/** Metadata keys of {@link InstanceStateChangeEvent}s. {@code PORTS} reads {@code "name:hostPort:type"}. */
public enum InstanceEventDataTag {
    APP_ID,
    INSTANCE_ID,
    APP_NAME,
    EXECUTOR_ID,
    EXECUTOR_HOST,
    PORTS,
    CURRENT_STATE,
    ERROR,
    CREATED
}
