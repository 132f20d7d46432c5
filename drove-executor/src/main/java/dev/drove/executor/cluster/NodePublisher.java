package dev.drove.executor.cluster;

import dev.drove.common.discovery.NodeDataStore;
import dev.drove.models.info.nodedata.ExecutorNodeData;
import io.dropwizard.lifecycle.Managed;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * Keeps this executor's node data in ZooKeeper current: published at start, again whenever something changes
 * (coalesced, so a burst of instance changes is one write), and looked at every {@code period}. A snapshot that
 * differs from the last one written only in its {@code updated} time is not written again: the leader tells a live
 * executor by its entry being there, not by its age, and a thousand executors rewriting unchanged data every period
 * would be most of what ZooKeeper writes. The znode is ephemeral: it disappears when the executor's ZooKeeper
 * session ends (and the store creates it again, with the last data, when a new session starts).
 */
public final class NodePublisher implements Managed {
    private static final Logger LOG = LoggerFactory.getLogger(NodePublisher.class);

    private final NodeDataStore store;
    private final Supplier<ExecutorNodeData> snapshot;
    private final Duration period;
    private final AtomicBoolean refreshPending = new AtomicBoolean();
    private ScheduledExecutorService scheduler;
    private ExecutorNodeData written; // only used on the scheduler's thread

    public NodePublisher(NodeDataStore store, Supplier<ExecutorNodeData> snapshot, Duration period) {
        this.store = store;
        this.snapshot = snapshot;
        this.period = period;
    }

    @Override
    public void start() {
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            var thread = new Thread(r, "node-publisher");
            thread.setDaemon(true);
            return thread;
        });
        scheduler.scheduleWithFixedDelay(this::publish, 0, period.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Asks for a publish soon; many calls before it happens make one write. */
    public void refresh() {
        if (scheduler != null && refreshPending.compareAndSet(false, true)) {
            scheduler.schedule(this::publish, 200, TimeUnit.MILLISECONDS);
        }
    }

    private void publish() {
        refreshPending.set(false);
        try {
            var data = snapshot.get();
            if (written != null && sameButTime(written, data)) {
                return;
            }
            store.publish(data);
            written = data;
        } catch (RuntimeException e) {
            LOG.warn("Could not publish this executor's node data to ZooKeeper (will retry): {}", e.getMessage());
        }
    }

    /** Whether two snapshots differ in nothing but their {@code updated} time. */
    static boolean sameButTime(ExecutorNodeData a, ExecutorNodeData b) {
        return Objects.equals(a.hostname(), b.hostname()) && a.port() == b.port()
                && a.transportType() == b.transportType() && Objects.equals(a.state(), b.state())
                && Objects.equals(a.instances(), b.instances()) && Objects.equals(a.tasks(), b.tasks())
                && Objects.equals(a.serviceInstances(), b.serviceInstances()) && Objects.equals(a.tags(), b.tags())
                && Objects.equals(a.metadata(), b.metadata()) && a.executorState() == b.executorState();
    }

    @Override
    public void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
    }
}
