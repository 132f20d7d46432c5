package dev.drove.models.api;

import dev.drove.models.events.DroveEventType;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * How many events of each type happened since the caller's last sync, {@code GET /apis/v1/cluster/events/summary}
 * (docs: apis/cluster.md). Types that did not happen are absent.
 */
public record DroveEventsSummary(Map<DroveEventType, Long> eventsCount, long lastSyncTime) {
    public DroveEventsSummary {
        var copy = new EnumMap<DroveEventType, Long>(DroveEventType.class);
        if (eventsCount != null) {
            copy.putAll(eventsCount);
        }
        eventsCount = Collections.unmodifiableMap(copy);
    }
}
