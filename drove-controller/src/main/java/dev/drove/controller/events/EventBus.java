package dev.drove.controller.events;

import dev.drove.models.api.DroveEventsList;
import dev.drove.models.api.DroveEventsSummary;
import dev.drove.models.events.DroveEvent;
import dev.drove.models.events.DroveEventType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;

/**
 * Where every state change of the cluster becomes an event, and where {@code GET /apis/v1/cluster/events/*} reads
 * them (docs: apis/cluster.md, "Drove Cluster Events"). It keeps a bounded window in memory: the leader's events of
 * the last {@code maxEventsStorageDuration} (1 h by default), at most {@value #DEFAULT_CAPACITY}. Nothing is stored
 * in ZooKeeper, so a new leader starts with the events it raises itself. Thread-safe.
 *
 * <p>Producers call {@link #publish} with events made by {@link EventFactory}; it returns at once.
 */
public final class EventBus {
    /** The most events kept, whatever their age. */
    public static final int DEFAULT_CAPACITY = 100_000;
    private static final Logger log = LoggerFactory.getLogger(EventBus.class);

    private final EventWindow window;

    /** @param retention how long an event is kept: the option {@code maxEventsStorageDuration} */
    public EventBus(Duration retention) {
        this(DEFAULT_CAPACITY, retention, Clock.systemUTC());
    }

    /** @param capacity the most events kept; the oldest go first beyond it */
    public EventBus(int capacity, Duration retention, Clock clock) {
        this.window = new EventWindow(capacity, retention, clock);
    }

    /** Keeps {@code event} as the newest one. */
    public void publish(DroveEvent event) {
        synchronized (window) {
            window.add(event);
        }
        log.debug("Event {} {}: {}", event.type(), event.id(), event.metadata());
    }

    /**
     * At most {@code size} events after {@code lastSyncTime}, oldest first (see {@link EventWindow#page}), and the
     * {@code lastSyncTime} to pass next: the time of the newest one returned, or the one given when there is none.
     */
    public DroveEventsList latest(long lastSyncTime, int size) {
        synchronized (window) {
            var events = window.page(lastSyncTime, size);
            var newest = events.isEmpty() ? lastSyncTime : EventWindow.millis(events.get(events.size() - 1));
            return new DroveEventsList(events, newest);
        }
    }

    /**
     * How many events of each type came after {@code lastSyncTime} (types without any are absent), and the
     * {@code lastSyncTime} to pass next: the time of the newest one counted, or the one given when there is none.
     */
    public DroveEventsSummary summary(long lastSyncTime) {
        synchronized (window) {
            var counts = new EnumMap<DroveEventType, Long>(DroveEventType.class);
            long newest = lastSyncTime;
            for (var event : window.since(lastSyncTime)) {
                counts.merge(event.type(), 1L, Long::sum);
                newest = Math.max(newest, EventWindow.millis(event));
            }
            return new DroveEventsSummary(counts, newest);
        }
    }

    /** Frees the events older than the retention; returns how many. */
    public int dropExpired() {
        synchronized (window) {
            return window.dropExpired();
        }
    }

    /** How many events are kept now. */
    public int size() {
        synchronized (window) {
            return window.size();
        }
    }
}
