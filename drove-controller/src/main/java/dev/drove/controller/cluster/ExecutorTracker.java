package dev.drove.controller.cluster;

import dev.drove.common.discovery.ExecutorEntries;
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
import java.util.Comparator;
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
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * The leader's view of the executors: it looks at every {@code /executor/*} entry each {@code pollInterval} (in the
 * memory of a ZooKeeper watch, {@link ExecutorEntries}, so a look costs no ZooKeeper read), feeds each
 * to {@link ClusterResources} and reconciles the instances listed in it through {@link InstanceStates}. State reports
 * between two entries are laid over the last entry ({@link #applyReport}), so the scheduler's book never goes back to
 * an older picture of an executor.
 *
 * <p>An executor whose entry disappears gets {@code gracePeriod} (the original's stale-executor time, 45 s) to come
 * back; if it does, nothing happens. After that its application instances are marked LOST and it is removed from the
 * book, so the app monitor replaces the instances elsewhere. Executors that stored instances point at but that are
 * not there when leadership is acquired get the same grace, counted from the acquisition.
 *
 * <p>Only <b>admitted</b> executors count ({@link ExecutorAdmissions}): an entry in ZooKeeper is taken only once an
 * authenticated message from that executor id came in ({@link #observe} for a snapshot, {@link #admit} for any
 * other message). Until then the entry waits: it is not in the book, the API or the events, and its instances are
 * left as stored; an executor that stored instances name and that is not admitted within the grace period is treated
 * as gone. A waiting entry is named in one WARN after {@code admissionWindow}.
 *
 * <p>Runs only while this controller leads ({@link LeadershipListener}); each term starts from a fresh book, and the
 * first poll of a term counts as done only once every executor found is admitted or {@code admissionWindow} has
 * passed (executors send a snapshot when they see a new leader), so recovery does not decide on a half-known cluster.
 */
public final class ExecutorTracker implements LeadershipListener, AdmittedExecutors, AutoCloseable {
    /** How often ZooKeeper's executor entries are read. */
    public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofSeconds(1);
    /** How long a published executor has to authenticate before a WARN names it. */
    public static final Duration DEFAULT_ADMISSION_WINDOW = Duration.ofSeconds(5);
    private static final Logger log = LoggerFactory.getLogger(ExecutorTracker.class);
    private static final Comparator<ExecutorNodeData> BY_ENTRY_NAME =
            Comparator.comparing(data -> data.hostname() + "-" + data.port());

    /** The tracked executors sorted by entry name, as of {@code version} of {@link #changes}. */
    private record Sorted(long version, List<ExecutorNodeData> executors) {
    }

    /** An executor as last seen: its entry with any later reports laid over it. */
    private record Tracked(ExecutorNodeData data, Instant lastSeen) {
    }

    private final NodeDataStore nodes;
    private final ClusterResources resources;
    private final InstanceStates instanceStates;
    private final ExecutorAbsences absences;
    private final ExecutorAdmissions admissions;
    private final Duration pollInterval;
    private final Map<String, Tracked> executors = new ConcurrentHashMap<>();
    /** Moves after every change of {@link #executors}; read before the map, so a stale sort is never kept. */
    private final AtomicLong changes = new AtomicLong();
    private volatile Sorted sorted = new Sorted(-1, List.of());
    private final List<Consumer<String>> lostListeners = new CopyOnWriteArrayList<>();
    private final List<Consumer<ExecutorNodeData>> joinListeners = new CopyOnWriteArrayList<>();
    private final List<BiConsumer<String, ExecutorNodeData>> removalListeners = new CopyOnWriteArrayList<>();
    private ScheduledExecutorService poller; // guarded by this
    private volatile ExecutorEntries entries;
    private volatile boolean tracking;
    private volatile CountDownLatch firstPoll = new CountDownLatch(1);
    private volatile Instant termStart = Instant.now();

    public ExecutorTracker(NodeDataStore nodes, ClusterResources resources, InstanceStates instanceStates,
                           InstanceStore instances, ApplicationStore applications, Duration gracePeriod,
                           Duration pollInterval) {
        this(nodes, resources, instanceStates, instances, applications, gracePeriod, pollInterval,
                DEFAULT_ADMISSION_WINDOW);
    }

    public ExecutorTracker(NodeDataStore nodes, ClusterResources resources, InstanceStates instanceStates,
                           InstanceStore instances, ApplicationStore applications, Duration gracePeriod,
                           Duration pollInterval, Duration admissionWindow) {
        this.nodes = nodes;
        this.resources = resources;
        this.instanceStates = instanceStates;
        this.absences = new ExecutorAbsences(gracePeriod, instanceStates, instances, applications);
        this.admissions = new ExecutorAdmissions(admissionWindow);
        this.pollInterval = pollInterval;
    }

    @Override
    public synchronized void leadershipAcquired() {
        stopPolling();
        executors.clear();
        changes.incrementAndGet();
        absences.clear();
        admissions.clearWaiting();
        resources.executorIds().forEach(resources::remove);
        termStart = Instant.now();
        firstPoll = new CountDownLatch(1);
        entries = nodes.watchExecutors();
        entries.start();
        poller = Executors.newSingleThreadScheduledExecutor(runnable -> {
            var thread = new Thread(runnable, "executor-tracker");
            thread.setDaemon(true);
            return thread;
        });
        tracking = true;
        poller.execute(this::suspectReferencedExecutors);
        poller.scheduleWithFixedDelay(this::poll, 0, pollInterval.toMillis(), TimeUnit.MILLISECONDS);
        log.info("Tracking executors (watching their ZooKeeper entries, checked every {} ms); a vanished "
                + "executor's instances are LOST after {} s; a published executor is counted once it authenticates",
                pollInterval.toMillis(), absences.gracePeriod().toSeconds());
    }

    @Override
    public synchronized void leadershipLost() {
        tracking = false;
        stopPolling();
        executors.clear();
        changes.incrementAndGet();
        absences.clear();
        admissions.clearWaiting();
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

    /**
     * Waits until the executors have been read once in this term and each one found is admitted, or has had the
     * admission window to authenticate; false when that did not happen in time.
     */
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

    /** The executors whose entry is in ZooKeeper but that have not authenticated yet, as of the last poll. */
    Set<String> waitingExecutors() {
        return admissions.waitingIds();
    }

    /** Whether an authenticated message has come from {@code executorId} (and it was not given up since). */
    @Override
    public boolean isAdmitted(String executorId) {
        return executorId != null && admissions.isAdmitted(executorId);
    }

    /**
     * An authenticated message came from {@code executorId} (the caller guarantees it passed the cluster auth filter
     * with the executor secret): the executor is admitted, and an entry it published while waiting is taken now.
     */
    public void admit(String executorId) {
        if (executorId == null || executorId.isBlank()) {
            return;
        }
        admissions.admit(executorId).ifPresent(data -> take(executorId, data, true));
    }

    /** Every admitted executor seen in this term, as last seen (entry plus later reports). */
    public List<ExecutorNodeData> executors() {
        return executors.values().stream().map(Tracked::data).toList();
    }

    /** While leading, after this term's first poll: the tracked executors minus those missing, by entry name. */
    @Override
    public Optional<List<ExecutorNodeData>> known() {
        if (!tracking || firstPoll.getCount() > 0) {
            return Optional.empty();
        }
        if (executors.isEmpty()) {
            return Optional.of(List.of());
        }
        var all = sortedExecutors();
        var missing = absences.ids();
        if (missing.isEmpty()) {
            return Optional.of(all);
        }
        return Optional.of(all.stream().filter(data -> !missing.contains(executorId(data))).toList());
    }

    /**
     * Every tracked executor by entry name, sorted again only after a change: API reads of a quiet 1,000-executor
     * cluster (GET /apis/v1/cluster) each sorted the whole list.
     */
    private List<ExecutorNodeData> sortedExecutors() {
        long version = changes.get();
        var last = sorted;
        if (last.version() == version) {
            return last.executors();
        }
        var fresh = executors.values().stream().map(Tracked::data).sorted(BY_ENTRY_NAME).toList();
        sorted = new Sorted(version, fresh);
        return fresh;
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
        changes.incrementAndGet();
    }

    /** {@code data} with {@code instance} in place of the entry of the same id, or added. */
    public static ExecutorNodeData withInstance(ExecutorNodeData data, InstanceInfo instance) {
        var list = new ArrayList<InstanceInfo>();
        data.instances().stream().filter(i -> !instance.instanceId().equals(i.instanceId())).forEach(list::add);
        list.add(instance);
        return new ExecutorNodeData(data.hostname(), data.port(), data.transportType(), data.updated(), data.state(),
                list, data.tasks(), data.serviceInstances(), data.tags(), data.metadata(), data.executorState());
    }

    /**
     * Takes an executor's whole node data from an authenticated EXECUTOR_SNAPSHOT (the caller guarantees it passed the
     * cluster auth filter with the executor secret): the executor is admitted and is there now.
     */
    public void observe(ExecutorNodeData data) {
        var id = executorId(data);
        if (id != null) {
            admissions.admit(id);
            take(id, data, true);
        }
    }

    /** Takes an entry read from ZooKeeper if its executor is admitted; otherwise the entry waits. */
    private void observePublished(String id, ExecutorNodeData data, Instant now) {
        if (admissions.holdUnlessAdmitted(id, data, now)) {
            take(id, data, false);
        }
    }

    /**
     * An admitted executor is there now: into the book (unless older than what is there), instances reconciled —
     * always for what the executor sent itself ({@code fromExecutor}: a snapshot, an admission), and for a ZooKeeper
     * entry only when it is new or newer than the one held: the tracker looks at every entry each second, and
     * reconciling 20,000 unchanged instances a second was most of a quiet large cluster's leader CPU.
     */
    private void take(String id, ExecutorNodeData data, boolean fromExecutor) {
        var now = Instant.now();
        absences.back(id, now).ifPresent(away -> log.info("Executor {} ({}:{}) is back after {} ms, within "
                + "the grace period; nothing changes", id, data.hostname(), data.port(), away.toMillis()));
        var joined = new AtomicBoolean();
        var replaced = new AtomicBoolean();
        executors.compute(id, (key, old) -> {
            joined.set(old == null);
            if (old == null || millis(data.updated()) > millis(old.data().updated())) {
                resources.update(data);
                replaced.set(true);
                return new Tracked(data, now);
            }
            return new Tracked(old.data(), now);
        });
        if (replaced.get()) {
            changes.incrementAndGet(); // after the map changed, so a reader never stamps the old list with it
        }
        if (joined.get()) {
            log.info("Executor {} ({}:{}) is in the cluster with {} instances", id, data.hostname(), data.port(),
                    data.instances().size());
            tell(joinListeners, data, id);
        }
        if (fromExecutor || replaced.get()) {
            data.instances().forEach(instanceStates::report);
        }
    }

    /** The executor id an entry carries in its resource state; null (with a WARN) when it carries none. */
    private static String executorId(ExecutorNodeData data) {
        if (data.state() == null || data.state().executorId() == null) {
            log.warn("Ignoring the entry of executor host {}:{}: it carries no resource state", data.hostname(),
                    data.port());
            return null;
        }
        return data.state().executorId();
    }

    /**
     * Looks at every executor entry once: takes the admitted ones, keeps the others waiting, marks the absent ones
     * missing and gives up on those past the grace. Nothing happens until the watch has read the entries there were
     * when it started, and an executor the watch does not list is asked of ZooKeeper itself before it counts as
     * missing, so a half-read list or a watch behind a burst of joins never makes an executor look gone.
     */
    void poll() {
        var latch = firstPoll; // a poll of the last term that ends late must not count for this one
        var watched = entries;
        if (watched == null || !watched.isLoaded()) {
            return;
        }
        try {
            var now = Instant.now();
            var present = new HashSet<String>();
            for (var data : watched.executors()) {
                var id = executorId(data);
                if (id != null) {
                    present.add(id);
                    observePublished(id, data, now);
                }
            }
            admissions.keepWaitingOnly(present);
            admissions.warnOverdue(now);
            executors.forEach((id, tracked) -> {
                if (!present.contains(id) && !nodes.isPublished(tracked.data())) {
                    absences.missing(id, now); // confirmed in ZooKeeper: the watch may lag behind a burst of joins
                }
            });
            for (var id : absences.overdue(now)) {
                giveUp(id);
            }
            if (admissions.isSettled(termStart, now)) {
                latch.countDown();
            }
        } catch (RuntimeException e) {
            log.warn("Could not check the executors: {}", e.getMessage(), e);
            latch.countDown();
        }
    }

    /** Past the grace: out of the book, instances LOST, admission revoked; the listeners are told. */
    private void giveUp(String id) {
        var lastSeen = executors.remove(id);
        changes.incrementAndGet();
        var published = admissions.waitingIds().contains(id);
        resources.remove(id);
        admissions.revoke(id);
        var lost = absences.markInstancesLost(id);
        if (published) {
            log.warn("Executor {} is published but did not authenticate within the grace period of {} s: {} "
                    + "instances marked LOST", id, absences.gracePeriod().toSeconds(), lost);
        } else {
            log.warn("Executor {} has been gone longer than the grace period of {} s: removed from scheduling, "
                    + "{} instances marked LOST", id, absences.gracePeriod().toSeconds(), lost);
        }
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
        if (entries != null) {
            entries.close();
            entries = null;
        }
    }

    private static long millis(Date date) {
        return date == null ? 0L : date.getTime();
    }
}
