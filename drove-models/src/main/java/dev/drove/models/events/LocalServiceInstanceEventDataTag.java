package dev.drove.models.events;

/** Metadata keys of {@link LocalServiceInstanceStateChangeEvent}s. */
public enum LocalServiceInstanceEventDataTag {
    SERVICE_ID,
    INSTANCE_ID,
    SERVICE_NAME,
    EXECUTOR_ID,
    EXECUTOR_HOST,
    PORTS,
    CURRENT_STATE,
    ERROR,
    CREATED
}
