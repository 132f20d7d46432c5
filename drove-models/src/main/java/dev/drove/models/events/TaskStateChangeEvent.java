package dev.drove.models.events;

import java.util.Date;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * A task changed state; once it has run, the metadata carries its result status and exit code.
 * A missing {@code id} or {@code time} is filled in (a new random id, now).
 */
public record TaskStateChangeEvent(DroveEventType type, UUID id, Date time, Map<TaskEventDataTag, Object> metadata)
        implements DroveEvent {
    /** The event types this record carries. */
    public static final Set<DroveEventType> TYPES = Set.of(DroveEventType.TASK_STATE_CHANGE);

    public TaskStateChangeEvent {
        type = EventChecks.typeOf(type, TYPES, "a task event");
        id = id == null ? UUID.randomUUID() : id;
        time = time == null ? new Date() : time;
        metadata = EventChecks.metadata(TaskEventDataTag.class, metadata);
    }

    /** A new event of this kind, happening now. */
    public static TaskStateChangeEvent of(Map<TaskEventDataTag, ?> metadata) {
        return new TaskStateChangeEvent(null, null, null, EventChecks.metadata(TaskEventDataTag.class, metadata));
    }
}
