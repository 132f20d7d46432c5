package dev.drove.models.events;

import java.util.Date;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * A local-service instance changed state; the metadata says where it runs and what failed, if anything.
 * A missing {@code id} or {@code time} is filled in (a new random id, now).
 */
public record LocalServiceInstanceStateChangeEvent(DroveEventType type,
                                                   UUID id,
                                                   Date time,
                                                   Map<LocalServiceInstanceEventDataTag, Object> metadata)
        implements DroveEvent {
    /** The event types this record carries. */
    public static final Set<DroveEventType> TYPES = Set.of(DroveEventType.LOCAL_SERVICE_INSTANCE_STATE_CHANGE);

    public LocalServiceInstanceStateChangeEvent {
        type = EventChecks.typeOf(type, TYPES, "a local service instance event");
        id = id == null ? UUID.randomUUID() : id;
        time = time == null ? new Date() : time;
        metadata = EventChecks.metadata(LocalServiceInstanceEventDataTag.class, metadata);
    }

    /** A new event of this kind, happening now. */
    public static LocalServiceInstanceStateChangeEvent of(Map<LocalServiceInstanceEventDataTag, ?> metadata) {
        return new LocalServiceInstanceStateChangeEvent(null, null, null,
                EventChecks.metadata(LocalServiceInstanceEventDataTag.class, metadata));
    }
}
