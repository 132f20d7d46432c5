package dev.drove.models.events;

/** Metadata keys of {@link ExecutorEvent}s. */
public enum ExecutorEventDataTag {
    EXECUTOR_ID,
    HOSTNAME,
    PORT,
    BLACKLISTED
}
