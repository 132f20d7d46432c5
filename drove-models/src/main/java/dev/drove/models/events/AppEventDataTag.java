package dev.drove.models.events;

/** Metadata keys of {@link AppStateChangeEvent}s. {@code PORTS} reads {@code "main:8000:http"}. */
public enum AppEventDataTag {
    APP_ID,
    APP_NAME,
    APP_VERSION,
    EXECUTABLE,
    CPU_COUNT,
    MEMORY,
    PLACEMENT_POLICY,
    PORTS,
    VHOST,
    CURRENT_INSTANCES,
    CURRENT_STATE
}
