package dev.drove.models.events;

import java.util.Date;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * An application changed state; the metadata describes the application (name, version, resources, ports).
 * A missing {@code id} or {@code time} is filled in (a new random id, now).
 */
public record AppStateChangeEvent(DroveEventType type, UUID id, Date time, Map<AppEventDataTag, Object> metadata)
        implements DroveEvent {
    /** The event types this record carries. */
    public static final Set<DroveEventType> TYPES = Set.of(DroveEventType.APP_STATE_CHANGE);

    public AppStateChangeEvent {
        type = EventChecks.typeOf(type, TYPES, "an application event");
        id = id == null ? UUID.randomUUID() : id;
        time = time == null ? new Date() : time;
        metadata = EventChecks.metadata(AppEventDataTag.class, metadata);
    }

    /** A new event of this kind, happening now. */
    public static AppStateChangeEvent of(Map<AppEventDataTag, ?> metadata) {
        return new AppStateChangeEvent(null, null, null, EventChecks.metadata(AppEventDataTag.class, metadata));
    }
}
