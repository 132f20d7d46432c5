package dev.drove.models.api;

import dev.drove.models.events.DroveEvent;

import java.util.List;

/**
 * The events since the caller's last sync, {@code GET /apis/v1/cluster/events/latest} (docs: apis/cluster.md).
 * Pass {@code lastSyncTime} (epoch millis) back on the next call to get only newer events.
 */
public record DroveEventsList(List<DroveEvent> events, long lastSyncTime) {
    public DroveEventsList {
        events = events == null ? List.of() : List.copyOf(events);
    }
}
