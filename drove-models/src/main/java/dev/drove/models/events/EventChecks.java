package dev.drove.models.events;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

/** The rules every event record applies in its constructor. */
final class EventChecks {
    private EventChecks() {
    }

    /** The event's type; absent means the family's only type, and a type of another family is refused. */
    static DroveEventType typeOf(DroveEventType type, Set<DroveEventType> family, String familyName) {
        if (type == null && family.size() == 1) {
            return family.iterator().next();
        }
        if (type == null) {
            throw new IllegalArgumentException("type is missing; " + familyName + " must be one of " + family);
        }
        if (!family.contains(type)) {
            throw new IllegalArgumentException(
                    "type " + type + " is not " + familyName + "; it must be one of " + family);
        }
        return type;
    }

    /** An unmodifiable copy in tag order; values may be null (an event may report a field as unknown). */
    static <K extends Enum<K>> Map<K, Object> metadata(Class<K> tags, Map<K, ?> metadata) {
        var copy = new EnumMap<K, Object>(tags);
        if (metadata != null) {
            copy.putAll(metadata);
        }
        return Collections.unmodifiableMap(copy);
    }
}
