package dev.drove.controller.events;

import dev.drove.models.events.DroveEvent;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * The recent events, in the order they were published: at most {@code capacity} of them (the oldest go first when it
 * is full) and none older than {@code retention} (the option {@code maxEventsStorageDuration}). An expired event is
 * never answered, and {@link #dropExpired} frees it. Not thread-safe: {@link EventBus} guards it.
 *
 * <p>Reading follows the docs' sync protocol (apis/cluster.md, "Continuous monitoring for events"): a caller passes the
 * {@code lastSyncTime} of its previous answer and gets only events whose {@code time} is after it, oldest first.
 */
final class EventWindow {
    private final Deque<DroveEvent> events = new ArrayDeque<>();
    private final int capacity;
    private final Duration retention;
    private final Clock clock;

    EventWindow(int capacity, Duration retention, Clock clock) {
        if (capacity < 1) {
            throw new IllegalArgumentException("An event window holds at least 1 event, not " + capacity);
        }
        this.capacity = capacity;
        this.retention = retention;
        this.clock = clock;
    }

    /** Adds {@code event} as the newest; drops the oldest when the window is full. */
    void add(DroveEvent event) {
        dropExpired();
        if (events.size() == capacity) {
            events.removeFirst();
        }
        events.addLast(event);
    }

    /** Every unexpired event after {@code lastSyncTime}, oldest first. */
    List<DroveEvent> since(long lastSyncTime) {
        var cutoff = cutoff();
        return events.stream().filter(event -> millis(event) > lastSyncTime && millis(event) >= cutoff).toList();
    }

    /**
     * At most {@code size} of the events after {@code lastSyncTime}, oldest first. When more are waiting, the page
     * never ends inside a millisecond: events that share their time with the first one left out are left out too, so
     * the caller's next {@code lastSyncTime} (the time of the last one returned) loses none of them. Only when a whole
     * page would share one millisecond is that millisecond returned whole, even beyond {@code size}.
     */
    List<DroveEvent> page(long lastSyncTime, int size) {
        var newer = since(lastSyncTime);
        if (newer.size() <= size) {
            return newer;
        }
        var cut = millis(newer.get(size));
        int end = size;
        while (end > 0 && millis(newer.get(end - 1)) == cut) {
            end--;
        }
        if (end == 0) {
            end = size;
            while (end < newer.size() && millis(newer.get(end)) == cut) {
                end++;
            }
        }
        return List.copyOf(newer.subList(0, end));
    }

    /**
     * Frees the expired events at the old end; returns how many. Events are published in time order unless the clock
     * steps back, so an expired event behind a newer one waits for the next pass (reads skip it meanwhile).
     */
    int dropExpired() {
        var cutoff = cutoff();
        int dropped = 0;
        while (!events.isEmpty() && millis(events.peekFirst()) < cutoff) {
            events.removeFirst();
            dropped++;
        }
        return dropped;
    }

    int size() {
        return events.size();
    }

    private long cutoff() {
        return clock.millis() - retention.toMillis();
    }

    static long millis(DroveEvent event) {
        return event.time().getTime();
    }
}
