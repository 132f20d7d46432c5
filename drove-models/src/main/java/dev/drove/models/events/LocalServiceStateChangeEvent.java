package dev.drove.models.events;

import java.util.Date;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * A local service changed state; the metadata describes the service (name, version, instances per host).
 * A missing {@code id} or {@code time} is filled in (a new random id, now).
 */
public record LocalServiceStateChangeEvent(DroveEventType type,
                                           UUID id,
                                           Date time,
                                           Map<LocalServiceEventDataTag, Object> metadata)
        implements DroveEvent {
    /** The event types this record carries. */
    public static final Set<DroveEventType> TYPES = Set.of(DroveEventType.LOCAL_SERVICE_STATE_CHANGE);

    public LocalServiceStateChangeEvent {
        type = EventChecks.typeOf(type, TYPES, "a local service event");
        id = id == null ? UUID.randomUUID() : id;
        time = time == null ? new Date() : time;
        metadata = EventChecks.metadata(LocalServiceEventDataTag.class, metadata);
    }

    /** A new event of this kind, happening now. */
    public static LocalServiceStateChangeEvent of(Map<LocalServiceEventDataTag, ?> metadata) {
        return new LocalServiceStateChangeEvent(null, null, null,
                EventChecks.metadata(LocalServiceEventDataTag.class, metadata));
    }
}
