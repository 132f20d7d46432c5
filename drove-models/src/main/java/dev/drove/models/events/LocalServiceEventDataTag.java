package dev.drove.models.events;

/** Metadata keys of {@link LocalServiceStateChangeEvent}s. */
public enum LocalServiceEventDataTag {
    LOCAL_SERVICE_ID,
    LOCAL_SERVICE_NAME,
    LOCAL_SERVICE_VERSION,
    EXECUTABLE,
    CPU_COUNT,
    MEMORY,
    PLACEMENT_POLICY,
    PORTS,
    CURRENT_INSTANCES_PER_HOST,
    CURRENT_STATE
}
