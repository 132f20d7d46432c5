package dev.drove.executor.cluster;

import dev.drove.common.discovery.LeaderObserver;
import dev.drove.common.http.NodeEndpoint;
import dev.drove.common.messages.ControllerMessage;
import dev.drove.common.messages.MessageSender;
import dev.drove.common.messages.MessageStatus;
import io.dropwizard.lifecycle.Managed;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Delivers every state report to the leader controller, in order, exactly as produced, and an EXECUTOR_SNAPSHOT
 * (this executor's whole node data, built when sent) once {@link #startSnapshots} is called (after start-up
 * recovery, so the first one lists every adopted instance), then every {@code snapshotPeriod} and as soon as a new
 * leader appears. The leader counts an executor only once a message from it passed the cluster auth filter (its
 * ZooKeeper entry is no proof), so the snapshot is what admits this executor quickly to a new leader; any report
 * admits it too. A snapshot goes when no report is queued, so it never overtakes one.
 *
 * <p>Reports queue up while no leader is known or the leader does not answer, and are retried with a growing pause
 * (1 s up to 30 s); nothing here ever stops a container because the controller or ZooKeeper is away. The queue is
 * bounded: past {@link #MAX_QUEUED} reports the oldest are dropped with a warning (the periodic node snapshot in
 * ZooKeeper still carries every instance's latest state).
 */
public final class StateReporter implements Managed {
    private static final Logger LOG = LoggerFactory.getLogger(StateReporter.class);
    static final int MAX_QUEUED = 10_000;
    private static final Duration FIRST_PAUSE = Duration.ofSeconds(1);
    private static final Duration LONGEST_PAUSE = Duration.ofSeconds(30);
    private static final Duration IDLE_WAIT = Duration.ofSeconds(5);

    private final LeaderObserver leaders;
    private final MessageSender sender;
    private final Supplier<? extends ControllerMessage> snapshots;
    private final Duration snapshotPeriod;
    private final Deque<ControllerMessage> queue = new ArrayDeque<>();
    /** When the next snapshot is due, in {@link System#nanoTime()}; a new leader makes it due at once. */
    private final AtomicLong snapshotDue = new AtomicLong(System.nanoTime());
    private Thread worker;
    private volatile boolean running;
    private volatile boolean snapshotting;
    private volatile boolean leaderChanged;

    /**
     * @param snapshots      builds this executor's EXECUTOR_SNAPSHOT as it is now
     * @param snapshotPeriod how often a snapshot is sent even when the leader stays the same (the original: 20 s)
     */
    public StateReporter(LeaderObserver leaders, MessageSender sender, Supplier<? extends ControllerMessage> snapshots,
                         Duration snapshotPeriod) {
        this.leaders = leaders;
        this.sender = sender;
        this.snapshots = snapshots;
        this.snapshotPeriod = snapshotPeriod;
        leaders.onChange(leader -> {
            leaderChanged = true;
            snapshotDue.set(System.nanoTime());
            wake();
        });
    }

    /** Queues {@code report} for the leader; never blocks. */
    public void report(ControllerMessage report) {
        synchronized (queue) {
            if (queue.size() >= MAX_QUEUED) {
                var dropped = queue.pollFirst();
                LOG.warn("Too many undelivered state reports; dropping the oldest ({})",
                        dropped == null ? "none" : dropped.getClass().getSimpleName());
            }
            queue.addLast(report);
            queue.notifyAll();
        }
    }

    /** Starts sending snapshots: one now, then periodically and on every new leader. */
    public void startSnapshots() {
        snapshotting = true;
        snapshotDue.set(System.nanoTime());
        wake();
    }

    /** Sends a snapshot as soon as the queued reports are out (e.g. after resynchronising with the engine). */
    public void snapshotNow() {
        snapshotDue.set(System.nanoTime());
        wake();
    }

    /** Reports not yet accepted by a leader. */
    public int pending() {
        synchronized (queue) {
            return queue.size();
        }
    }

    @Override
    public void start() {
        running = true;
        worker = new Thread(this::deliverLoop, "state-reporter");
        worker.setDaemon(true);
        worker.start();
    }

    @Override
    public void stop() throws InterruptedException {
        running = false;
        wake();
        if (worker != null) {
            worker.join(5_000);
        }
        var left = pending();
        if (left > 0) {
            LOG.info("Stopping with {} state reports undelivered; the leader rebuilds from the node snapshot", left);
        }
    }

    private void wake() {
        synchronized (queue) {
            queue.notifyAll();
        }
    }

    private void deliverLoop() {
        var pause = FIRST_PAUSE;
        var complainedNoLeader = false;
        while (running) {
            if (leaderChanged) {
                leaderChanged = false;
                pause = FIRST_PAUSE; // a new leader gets everything at once, not after the old one's back-off
            }
            ControllerMessage next;
            long due = snapshotDue.get();
            synchronized (queue) {
                next = queue.peekFirst();
                if (next == null && (!snapshotting || System.nanoTime() - due < 0)) {
                    waitQuietly(snapshotting ? Duration.ofNanos(Math.min(due - System.nanoTime(),
                            IDLE_WAIT.toNanos())) : IDLE_WAIT);
                    continue;
                }
            }
            var isSnapshot = next == null;
            if (isSnapshot) {
                next = snapshot();
                if (next == null) {
                    snapshotDue.compareAndSet(due, System.nanoTime() + FIRST_PAUSE.toNanos());
                    continue;
                }
            }
            var leader = leaders.leader();
            if (leader.isEmpty()) {
                if (!complainedNoLeader) {
                    LOG.warn("No leader controller known; holding {} state reports until one appears", pending());
                    complainedNoLeader = true;
                }
                synchronized (queue) {
                    waitQuietly(pause);
                }
                continue;
            }
            complainedNoLeader = false;
            var response = sender.send(next, NodeEndpoint.of(leader.get()));
            if (response.status() == MessageStatus.FAILED) {
                synchronized (queue) {
                    waitQuietly(pause);
                }
                pause = pause.multipliedBy(2).compareTo(LONGEST_PAUSE) > 0 ? LONGEST_PAUSE : pause.multipliedBy(2);
                continue;
            }
            if (response.status() == MessageStatus.REJECTED) {
                LOG.warn("Leader rejected state report {}: {}", next.header().id(), response.message());
            }
            pause = FIRST_PAUSE;
            if (isSnapshot) {
                // unless a new leader made it due again meanwhile
                snapshotDue.compareAndSet(due, System.nanoTime() + snapshotPeriod.toNanos());
                continue;
            }
            synchronized (queue) {
                if (queue.peekFirst() == next) {
                    queue.pollFirst();
                }
            }
        }
    }

    /** This executor's snapshot now; null (and a WARN) when it cannot be built. */
    private ControllerMessage snapshot() {
        try {
            return snapshots.get();
        } catch (RuntimeException e) {
            LOG.warn("Could not build this executor's snapshot for the leader (will retry): {}", e.getMessage());
            return null;
        }
    }

    /** Caller holds the queue's monitor. */
    private void waitQuietly(Duration duration) {
        try {
            queue.wait(Math.max(1, duration.toMillis()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}
