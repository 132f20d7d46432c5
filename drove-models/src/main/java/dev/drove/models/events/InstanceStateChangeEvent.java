package dev.drove.models.events;

import java.util.Date;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * An application instance changed state; the metadata says where it runs and what failed, if anything.
 * A missing {@code id} or {@code time} is filled in (a new random id, now).
 */
public record InstanceStateChangeEvent(DroveEventType type,
                                       UUID id,
                                       Date time,
                                       Map<InstanceEventDataTag, Object> metadata)
        implements DroveEvent {
    /** The event types this record carries. */
    public static final Set<DroveEventType> TYPES = Set.of(DroveEventType.INSTANCE_STATE_CHANGE);

    public InstanceStateChangeEvent {
        type = EventChecks.typeOf(type, TYPES, "an application instance event");
        id = id == null ? UUID.randomUUID() : id;
        time = time == null ? new Date() : time;
        metadata = EventChecks.metadata(InstanceEventDataTag.class, metadata);
    }

    /** A new event of this kind, happening now. */
    public static InstanceStateChangeEvent of(Map<InstanceEventDataTag, ?> metadata) {
        return new InstanceStateChangeEvent(null, null, null,
                EventChecks.metadata(InstanceEventDataTag.class, metadata));
    }
}
