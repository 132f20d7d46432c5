package dev.drove.models.events;

import java.util.Collections;
import java.util.Date;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * An executor joined, left, or moved in or out of rotation; the metadata names it.
 * A missing {@code id} or {@code time} is filled in (a new random id, now).
 */
public record ExecutorEvent(DroveEventType type, UUID id, Date time, Map<ExecutorEventDataTag, Object> metadata)
        implements DroveEvent {
    /** The event types this record carries. */
    public static final Set<DroveEventType> TYPES = Collections.unmodifiableSet(EnumSet.of(
            DroveEventType.EXECUTOR_ADDED,
            DroveEventType.EXECUTOR_REMOVED,
            DroveEventType.EXECUTOR_BLACKLIST_REQUESTED,
            DroveEventType.EXECUTOR_BLACKLISTED,
            DroveEventType.EXECUTOR_UN_BLACKLISTED));

    public ExecutorEvent {
        type = EventChecks.typeOf(type, TYPES, "an executor event");
        id = id == null ? UUID.randomUUID() : id;
        time = time == null ? new Date() : time;
        metadata = EventChecks.metadata(ExecutorEventDataTag.class, metadata);
    }

    /** A new event of the given type, happening now. */
    public static ExecutorEvent of(DroveEventType type, Map<ExecutorEventDataTag, ?> metadata) {
        return new ExecutorEvent(type, null, null, EventChecks.metadata(ExecutorEventDataTag.class, metadata));
    }
}
