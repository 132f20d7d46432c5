package dev.drove.controller.maintenance;

import dev.drove.controller.events.EventBus;
import dev.drove.controller.events.EventFactory;
import dev.drove.controller.statestore.ClusterStateStore;
import dev.drove.models.cluster.ClusterState;
import dev.drove.models.cluster.ClusterStateData;
import dev.drove.models.events.DroveEventType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.Date;

/**
 * Cluster maintenance mode (docs: cluster/maintenance.md): while it is set the controller changes nothing on the
 * executors, so controllers and executors can be restarted and containers keep running. The mode is stored
 * ({@link ClusterStateStore}, {@code /cluster/maintenance}), so every controller and every new leader sees it.
 *
 * <p>{@link #isActive()} is what the monitors and cleaners ask before each pass. It stays true for
 * {@code gracePeriod} after the mode is unset, counted from the stored {@code updated} time: executors restarted
 * during maintenance need a couple of snapshot rounds to report their instances, and acting on the older picture
 * would replace containers that run. After the grace the monitors converge as usual. Thread-safe.
 */
public final class MaintenanceMode {
    private static final Logger log = LoggerFactory.getLogger(MaintenanceMode.class);

    private final ClusterStateStore store;
    private final EventBus events;
    private final String hostname;
    private final Duration gracePeriod;
    private final Clock clock;

    /**
     * @param hostname    this controller's host, named by the MAINTENANCE_MODE_* events
     * @param gracePeriod how long the controller still acts as in maintenance after it is unset
     */
    public MaintenanceMode(ClusterStateStore store, EventBus events, String hostname, Duration gracePeriod,
                           Clock clock) {
        this.store = store;
        this.events = events;
        this.hostname = hostname;
        this.gracePeriod = gracePeriod;
        this.clock = clock;
    }

    /** Enters maintenance mode; answers the stored mode. Already set: nothing changes, the stored one is answered. */
    public synchronized ClusterStateData set() {
        return change(ClusterState.MAINTENANCE, DroveEventType.MAINTENANCE_MODE_SET);
    }

    /**
     * Leaves maintenance mode; answers the stored mode. The controller keeps acting as in maintenance for the grace
     * period. Not set: nothing changes and the stored one is answered.
     */
    public synchronized ClusterStateData unset() {
        return change(ClusterState.NORMAL, DroveEventType.MAINTENANCE_MODE_REMOVED);
    }

    /** The stored mode, as the cluster summary shows it (NORMAL during the grace). */
    public ClusterState state() {
        return store.state();
    }

    /** Whether the controller must leave the executors alone now: in maintenance, or within the grace after it. */
    public boolean isActive() {
        var stored = store.find();
        if (stored.isEmpty()) {
            return false;
        }
        if (stored.get().state() == ClusterState.MAINTENANCE) {
            return true;
        }
        var unsetAt = stored.get().updated();
        return unsetAt != null && clock.millis() - unsetAt.getTime() < gracePeriod.toMillis();
    }

    private ClusterStateData change(ClusterState next, DroveEventType type) {
        var stored = store.find().orElse(new ClusterStateData(ClusterState.NORMAL, null));
        if (stored.state() == next) {
            return stored;
        }
        var data = new ClusterStateData(next, new Date(clock.millis()));
        store.save(data);
        events.publish(EventFactory.clusterEvent(type, hostname));
        if (next == ClusterState.MAINTENANCE) {
            log.warn("The cluster is in maintenance mode: no instance is replaced, moved or cleaned up, and "
                    + "operations are refused until it is unset");
        } else {
            log.info("The cluster left maintenance mode; the controller still leaves the executors alone for {} s "
                    + "while they report, then resumes", gracePeriod.toSeconds());
        }
        return data;
    }
}
