package dev.drove.controller.cluster;

import dev.drove.controller.statestore.ApplicationStore;
import dev.drove.controller.statestore.InstanceStore;
import dev.drove.models.instance.InstanceInfo;
import dev.drove.models.instance.InstanceState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * The one way application instance infos change on the leader, and where operations wait for them.
 *
 * <ul>
 *     <li>{@link #report}: what an executor says (a state report, or its published node data). The executor is
 *     authoritative for its instances, so its info replaces the stored one unless the stored one is newer. One
 *     exception: LOST is terminal. An instance the controller marked LOST (its executor vanished past the grace
 *     period, and a replacement was placed) never comes back: when the executor returns and reports it alive, the
 *     report is not stored and the {@link #whenLostInstanceReportedAlive} handler asks that executor to stop the
 *     container, so the replacement is the one that stays.</li>
 *     <li>{@link #record}: what the controller decides itself (PENDING before a start, LOST, STOPPED), saved as is.</li>
 * </ul>
 * Every saved change is passed to the listeners and wakes {@link #await}ers; state changes are also passed, in order,
 * to the state change listeners. Thread-safe.
 */
public final class InstanceStates {
    private static final Logger log = LoggerFactory.getLogger(InstanceStates.class);
    /** A waiter looks again this often even without a wake-up; every change through this class wakes it at once. */
    private static final long RECHECK_MILLIS = 1_000;
    /**
     * One instance's changes are serialised on a stripe, and a change may wait for a ZooKeeper write under it; with
     * thousands of instances changing at once, few stripes queued reports of unrelated instances behind each other's
     * writes (hundreds of report threads blocked with 64), so there are many.
     */
    private static final int STRIPES = 4_096;

    private final InstanceStore instances;
    private final ApplicationStore applications;
    private final List<Consumer<InstanceInfo>> listeners = new CopyOnWriteArrayList<>();
    private final List<Consumer<InstanceInfo>> stateChangeListeners = new CopyOnWriteArrayList<>();
    private volatile Consumer<InstanceInfo> lostReportedAlive = info -> {
    };
    private final Object[] stripes = new Object[STRIPES];
    /** The waiters of each instance being awaited, by instance id; a change wakes only its own instance's waiters. */
    private final ConcurrentHashMap<String, Waiters> waiting = new ConcurrentHashMap<>();

    public InstanceStates(InstanceStore instances, ApplicationStore applications) {
        this.instances = instances;
        this.applications = applications;
        for (int i = 0; i < STRIPES; i++) {
            stripes[i] = new Object();
        }
    }

    /**
     * Sets what happens when an executor reports alive an instance stored LOST (the executor came back after its
     * instances were given up): {@link LostInstanceStopper} asks the executor to stop it. Called outside the
     * instance's lock, on the reporting thread; it must return quickly.
     */
    public void whenLostInstanceReportedAlive(Consumer<InstanceInfo> handler) {
        this.lostReportedAlive = handler;
    }

    /**
     * Takes an executor's view of one instance. Ignored when the application is unknown (destroyed, or never ours:
     * the executor's reaper removes such containers), when the stored info is newer, or when the stored instance is
     * LOST (terminal; an alive report then goes to the {@link #whenLostInstanceReportedAlive} handler).
     *
     * @return whether the store changed
     */
    public boolean report(InstanceInfo reported) {
        if (reported.appId() == null || reported.instanceId() == null || reported.state() == null) {
            log.warn("Ignoring an instance report without appId, instanceId or state: {}", reported);
            return false;
        }
        boolean revived;
        synchronized (stripe(reported.instanceId())) {
            var stored = instances.find(reported.appId(), reported.instanceId());
            if (stored.isEmpty() && applications.find(reported.appId()).isEmpty()) {
                log.debug("Ignoring instance {} of unknown app {}", reported.instanceId(), reported.appId());
                return false;
            }
            if (stored.isPresent() && !supersedes(reported, stored.get())) {
                revived = isLostReportedAlive(reported, stored.get());
                if (!revived) {
                    return false;
                }
            } else {
                revived = false;
                if (stored.isEmpty()) {
                    log.info("Adopting instance {} of {} ({}) reported by executor {}", reported.instanceId(),
                            reported.appId(), reported.state(), reported.executorId());
                }
                instances.save(reported);
                tellStateChange(stored, reported);
            }
        }
        if (revived) {
            log.debug("Instance {} of {} is LOST; executor {} reports it {}", reported.instanceId(),
                    reported.appId(), reported.executorId(), reported.state());
            try {
                lostReportedAlive.accept(reported);
            } catch (RuntimeException e) {
                log.warn("Could not ask executor {} to stop LOST instance {}: {}", reported.executorId(),
                        reported.instanceId(), e.getMessage(), e);
            }
            return false;
        }
        changed(reported);
        return true;
    }

    private static boolean isLostReportedAlive(InstanceInfo reported, InstanceInfo stored) {
        return stored.state() == InstanceState.LOST && !reported.state().isTerminal();
    }

    /** Saves a decision of the controller about one instance, whatever is stored. */
    public void record(InstanceInfo decided) {
        synchronized (stripe(decided.instanceId())) {
            var stored = instances.find(decided.appId(), decided.instanceId());
            instances.save(decided);
            tellStateChange(stored, decided);
        }
        changed(decided);
    }

    /** The stored info of one instance. */
    public Optional<InstanceInfo> find(String appId, String instanceId) {
        return instances.find(appId, instanceId);
    }

    /** Calls {@code listener} with every saved change, on the thread that saved it; it must return quickly. */
    public void addListener(Consumer<InstanceInfo> listener) {
        listeners.add(listener);
    }

    /**
     * Calls {@code listener} with every saved info whose state differs from the stored one (or that is new), under
     * the instance's lock, so it hears one instance's state changes exactly once each and in the order they were
     * stored (INSTANCE_STATE_CHANGE events). It must return quickly and not call back into this class.
     */
    public void addStateChangeListener(Consumer<InstanceInfo> listener) {
        stateChangeListeners.add(listener);
    }

    /**
     * Waits until the stored info of the instance satisfies {@code done}, at most {@code timeout}, giving up early
     * when {@code abandoned} turns true.
     *
     * @return the info that satisfied {@code done}; empty on timeout or when abandoned
     */
    public Optional<InstanceInfo> await(String appId, String instanceId, Predicate<InstanceInfo> done,
                                        Duration timeout, BooleanSupplier abandoned) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        var waiters = waiting.compute(instanceId, (id, present) -> (present == null ? new Waiters() : present).join());
        try {
            while (true) {
                long seen;
                synchronized (waiters) {
                    seen = waiters.version;
                }
                var current = instances.find(appId, instanceId);
                if (current.isPresent() && done.test(current.get())) {
                    return current;
                }
                long left = deadline - System.nanoTime();
                if (left <= 0 || abandoned.getAsBoolean()) {
                    return Optional.empty();
                }
                synchronized (waiters) {
                    if (waiters.version == seen) {
                        waiters.wait(Math.max(1, Math.min(TimeUnit.NANOSECONDS.toMillis(left), RECHECK_MILLIS)));
                    }
                }
            }
        } finally {
            waiting.computeIfPresent(instanceId, (id, present) -> present.leave());
        }
    }

    /**
     * Whether an executor's info should replace the stored one: it is newer (or as new and different), and the
     * stored one is not LOST (a LOST instance was given up and replaced; nothing an executor says revives it).
     */
    static boolean supersedes(InstanceInfo reported, InstanceInfo stored) {
        if (stored.state() == InstanceState.LOST) {
            return false;
        }
        long reportedAt = millis(reported.updated());
        long storedAt = millis(stored.updated());
        return reportedAt > storedAt || (reportedAt == storedAt && !Objects.equals(reported, stored));
    }

    private void changed(InstanceInfo info) {
        var waiters = info.instanceId() == null ? null : waiting.get(info.instanceId());
        if (waiters != null) {
            synchronized (waiters) {
                waiters.version++;
                waiters.notifyAll();
            }
        }
        for (var listener : listeners) {
            try {
                listener.accept(info);
            } catch (RuntimeException e) {
                log.warn("Instance listener failed on {} of {}: {}", info.instanceId(), info.appId(), e.getMessage(),
                        e);
            }
        }
    }

    /** Under the instance's lock: tells the state change listeners when {@code saved} changed the state. */
    private void tellStateChange(Optional<InstanceInfo> stored, InstanceInfo saved) {
        if (stored.isPresent() && stored.get().state() == saved.state()) {
            return;
        }
        for (var listener : stateChangeListeners) {
            try {
                listener.accept(saved);
            } catch (RuntimeException e) {
                log.warn("Instance state listener failed on {} of {} ({}): {}", saved.instanceId(), saved.appId(),
                        saved.state(), e.getMessage(), e);
            }
        }
    }

    private Object stripe(String instanceId) {
        return stripes[Math.floorMod(instanceId.hashCode(), STRIPES)];
    }

    /**
     * The threads awaiting one instance: how many (changed only inside {@code waiting.compute}, so the entry goes
     * with the last of them) and a version counting changes, guarded by the object's monitor.
     */
    private static final class Waiters {
        private int count;
        private long version;

        Waiters join() {
            count++;
            return this;
        }

        /** Null, removing the entry, when the last waiter leaves. */
        Waiters leave() {
            count--;
            return count == 0 ? null : this;
        }
    }

    private static long millis(Date date) {
        return date == null ? 0L : date.getTime();
    }
}
