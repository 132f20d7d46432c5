package dev.drove.controller.cluster;

import dev.drove.common.discovery.NodeDataStore;
import dev.drove.common.messages.ExecutorAddress;
import dev.drove.controller.leadership.LeadershipListener;
import dev.drove.controller.scheduler.ClusterResources;
import dev.drove.controller.statestore.ApplicationStore;
import dev.drove.controller.statestore.InstanceStore;
import dev.drove.models.info.nodedata.ExecutorNodeData;
import dev.drove.models.info.resources.ExecutorResourceSnapshot;
import dev.drove.models.instance.InstanceInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * The leader's view of the executors: it reads every {@code /executor/*} entry each {@code pollInterval}, feeds each
 * to {@link ClusterResources} and reconciles the instances listed in it through {@link InstanceStates}. State reports
 * between two entries are laid over the last entry ({@link #applyReport}), so the scheduler's book never goes back to
 * an older picture of an executor.
 *
 * <p>An executor whose entry disappears gets {@code gracePeriod} (the original's stale-executor time, 45 s) to come
 * back; if it does, nothing happens. After that its application instances are marked LOST and it is removed from the
 * book, so the app monitor replaces the instances elsewhere. Executors that stored instances point at but that are
 * not there when leadership is acquired get the same grace, counted from the acquisition.
 *
 * <p>Runs only while this controller leads ({@link LeadershipListener}); each term starts from a fresh book.
 */
public final class ExecutorTracker implements LeadershipListener, AutoCloseable {
    /** How often ZooKeeper's executor entries are read. */
    public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofSeconds(1);
    private static final Logger log = LoggerFactory.getLogger(ExecutorTracker.class);

    /** An executor as last seen: its entry with any later reports laid over it. */
    private record Tracked(ExecutorNodeData data, Instant lastSeen) {
    }

    private final NodeDataStore nodes;
    private final ClusterResources resources;
    private final InstanceStates instanceStates;
    private final ExecutorAbsences absences;
    private final Duration pollInterval;
    private final Map<String, Tracked> executors = new ConcurrentHashMap<>();
    private final List<Consumer<String>> lostListeners = new CopyOnWriteArrayList<>();
    private final List<Consumer<ExecutorNodeData>> joinListeners = new CopyOnWriteArrayList<>();
    private final List<BiConsumer<String, ExecutorNodeData>> removalListeners = new CopyOnWriteArrayList<>();
    private ScheduledExecutorService poller; // guarded by this
    private volatile CountDownLatch firstPoll = new CountDownLatch(1);

    public ExecutorTracker(NodeDataStore nodes, ClusterResources resources, InstanceStates instanceStates,
                           InstanceStore instances, ApplicationStore applications, Duration gracePeriod,
                           Duration pollInterval) {
        this.nodes = nodes;
        this.resources = resources;
        this.instanceStates = instanceStates;
        this.absences = new ExecutorAbsences(gracePeriod, instanceStates, instances, applications);
        this.pollInterval = pollInterval;
    }

    @Override
    public synchronized void leadershipAcquired() {
        stopPolling();
        executors.clear();
        absences.clear();
        resources.executorIds().forEach(resources::remove);
        firstPoll = new CountDownLatch(1);
        poller = Executors.newSingleThreadScheduledExecutor(runnable -> {
            var thread = new Thread(runnable, "executor-tracker");
            thread.setDaemon(true);
            return thread;
        });
        poller.execute(this::suspectReferencedExecutors);
        poller.scheduleWithFixedDelay(this::poll, 0, pollInterval.toMillis(), TimeUnit.MILLISECONDS);
        log.info("Tracking executors every {} ms; a vanished executor's instances are LOST after {} s",
                pollInterval.toMillis(), absences.gracePeriod().toSeconds());
    }

    @Override
    public synchronized void leadershipLost() {
        stopPolling();
        executors.clear();
        absences.clear();
    }

    @Override
    public void close() {
        leadershipLost();
    }

    /**
     * Calls {@code listener} with the id of every executor given up after the grace period, on the tracker's thread,
     * once its instances are LOST; it must return quickly. Work the tracker does not know (tasks) ends there too.
     */
    public void addLostExecutorListener(Consumer<String> listener) {
        lostListeners.add(listener);
    }

    /**
     * Calls {@code listener} with the entry of every executor seen for the first time in this term (EXECUTOR_ADDED
     * events), before its instances are reconciled; it must return quickly.
     */
    public void addJoinListener(Consumer<ExecutorNodeData> listener) {
        joinListeners.add(listener);
    }

    /**
     * Calls {@code listener} with the id and last seen entry (null when this term never saw it) of every executor
     * given up after the grace period, once its instances are LOST (EXECUTOR_REMOVED events); it must return quickly.
     */
    public void addRemovalListener(BiConsumer<String, ExecutorNodeData> listener) {
        removalListeners.add(listener);
    }

    /** Waits until the executors have been read once in this term; false when that did not happen in time. */
    public boolean awaitFirstPoll(Duration timeout) throws InterruptedException {
        return firstPoll.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Where the executor {@code executorId} listens, from its last entry, else straight from ZooKeeper. */
    public Optional<ExecutorAddress> address(String executorId) {
        var tracked = executors.get(executorId);
        if (tracked != null) {
            return Optional.of(ExecutorAddress.of(tracked.data()));
        }
        try {
            return nodes.executors().stream()
                    .filter(node -> node.state() != null && executorId.equals(node.state().executorId()))
                    .findFirst()
                    .map(ExecutorAddress::of);
        } catch (RuntimeException e) {
            log.warn("Could not look up executor {} in ZooKeeper: {}", executorId, e.getMessage());
            return Optional.empty();
        }
    }

    /** The executors whose entry is gone, within their grace period. */
    Set<String> missingExecutors() {
        return absences.ids();
    }

    /** Every executor seen in this term, as last seen (entry plus later reports). */
    public List<ExecutorNodeData> executors() {
        return executors.values().stream().map(Tracked::data).toList();
    }

    /**
     * Lays a state report over the executor's last entry: its resources, and the reported item replaced in (or
     * added to) the entry's lists by {@code withItem}; then refreshes the scheduler's book. A report older than the
     * entry, or from an executor not seen yet, leaves the book alone.
     */
    public void applyReport(ExecutorResourceSnapshot snapshot, Date time, UnaryOperator<ExecutorNodeData> withItem) {
        if (snapshot == null || snapshot.executorId() == null) {
            return;
        }
        executors.computeIfPresent(snapshot.executorId(), (id, old) -> {
            if (millis(time) < millis(old.data().updated())) {
                return old;
            }
            var base = old.data();
            var merged = withItem.apply(new ExecutorNodeData(base.hostname(), base.port(), base.transportType(),
                    time, snapshot, base.instances(), base.tasks(), base.serviceInstances(), base.tags(),
                    base.metadata(), base.executorState()));
            resources.update(merged);
            return new Tracked(merged, old.lastSeen());
        });
    }

    /** {@code data} with {@code instance} in place of the entry of the same id, or added. */
    public static ExecutorNodeData withInstance(ExecutorNodeData data, InstanceInfo instance) {
        var list = new ArrayList<InstanceInfo>();
        data.instances().stream().filter(i -> !instance.instanceId().equals(i.instanceId())).forEach(list::add);
        list.add(instance);
        return new ExecutorNodeData(data.hostname(), data.port(), data.transportType(), data.updated(), data.state(),
                list, data.tasks(), data.serviceInstances(), data.tags(), data.metadata(), data.executorState());
    }

    /** Takes an executor's whole node data (a poll, or an EXECUTOR_SNAPSHOT message): it is there now. */
    public void observe(ExecutorNodeData data) {
        if (data.state() == null || data.state().executorId() == null) {
            log.warn("Ignoring the entry of executor host {}:{}: it carries no resource state", data.hostname(),
                    data.port());
            return;
        }
        var id = data.state().executorId();
        var now = Instant.now();
        absences.back(id, now).ifPresent(away -> log.info("Executor {} ({}:{}) is back after {} ms, within "
                + "the grace period; nothing changes", id, data.hostname(), data.port(), away.toMillis()));
        var joined = new AtomicBoolean();
        executors.compute(id, (key, old) -> {
            joined.set(old == null);
            if (old == null || millis(data.updated()) > millis(old.data().updated())) {
                resources.update(data);
                return new Tracked(data, now);
            }
            return new Tracked(old.data(), now);
        });
        if (joined.get()) {
            log.info("Executor {} ({}:{}) is in the cluster with {} instances", id, data.hostname(), data.port(),
                    data.instances().size());
            tell(joinListeners, data, id);
        }
        data.instances().forEach(instanceStates::report);
    }

    /** Reads every executor entry once; marks the absent ones missing and gives up on those past the grace. */
    void poll() {
        try {
            var present = new HashSet<String>();
            for (var data : nodes.executors()) {
                observe(data);
                if (data.state() != null && data.state().executorId() != null) {
                    present.add(data.state().executorId());
                }
            }
            var now = Instant.now();
            executors.keySet().stream().filter(id -> !present.contains(id))
                    .forEach(id -> absences.missing(id, now));
            for (var id : absences.overdue(now)) {
                var lastSeen = executors.remove(id);
                resources.remove(id);
                var lost = absences.markInstancesLost(id);
                log.warn("Executor {} has been gone longer than the grace period of {} s: removed from scheduling, "
                        + "{} instances marked LOST", id, absences.gracePeriod().toSeconds(), lost);
                for (var listener : lostListeners) {
                    try {
                        listener.accept(id);
                    } catch (RuntimeException e) {
                        log.warn("A listener failed on the loss of executor {}: {}", id, e.getMessage(), e);
                    }
                }
                for (var listener : removalListeners) {
                    try {
                        listener.accept(id, lastSeen == null ? null : lastSeen.data());
                    } catch (RuntimeException e) {
                        log.warn("A listener failed on the removal of executor {}: {}", id, e.getMessage(), e);
                    }
                }
            }
        } catch (RuntimeException e) {
            log.warn("Could not read the executors from ZooKeeper: {}", e.getMessage());
        } finally {
            firstPoll.countDown();
        }
    }

    private static void tell(List<Consumer<ExecutorNodeData>> listeners, ExecutorNodeData data, String id) {
        for (var listener : listeners) {
            try {
                listener.accept(data);
            } catch (RuntimeException e) {
                log.warn("A listener failed on executor {}: {}", id, e.getMessage(), e);
            }
        }
    }

    private void suspectReferencedExecutors() {
        try {
            absences.suspectReferenced(Instant.now());
        } catch (RuntimeException e) {
            log.warn("Could not read stored instances to check their executors: {}", e.getMessage());
        }
    }

    private void stopPolling() {
        if (poller != null) {
            poller.shutdownNow();
            poller = null;
        }
    }

    private static long millis(Date date) {
        return date == null ? 0L : date.getTime();
    }
}
