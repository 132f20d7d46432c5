package dev.drove.models.events;

import java.util.Collections;
import java.util.Date;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The cluster entered or left maintenance, or a controller gained or lost leadership; the metadata names the
 * controller.
 * A missing {@code id} or {@code time} is filled in (a new random id, now).
 */
public record ClusterEvent(DroveEventType type, UUID id, Date time, Map<ClusterEventDataTag, Object> metadata)
        implements DroveEvent {
    /** The event types this record carries. */
    public static final Set<DroveEventType> TYPES = Collections.unmodifiableSet(EnumSet.of(
            DroveEventType.MAINTENANCE_MODE_SET,
            DroveEventType.MAINTENANCE_MODE_REMOVED,
            DroveEventType.LEADERSHIP_ACQUIRED,
            DroveEventType.LEADERSHIP_LOST));

    public ClusterEvent {
        type = EventChecks.typeOf(type, TYPES, "a cluster event");
        id = id == null ? UUID.randomUUID() : id;
        time = time == null ? new Date() : time;
        metadata = EventChecks.metadata(ClusterEventDataTag.class, metadata);
    }

    /** A new event of the given type, happening now. */
    public static ClusterEvent of(DroveEventType type, Map<ClusterEventDataTag, ?> metadata) {
        return new ClusterEvent(type, null, null, EventChecks.metadata(ClusterEventDataTag.class, metadata));
    }
}
