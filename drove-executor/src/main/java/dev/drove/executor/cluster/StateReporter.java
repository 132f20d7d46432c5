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

/**
 * Delivers every state report to the leader controller, in order, exactly as produced.
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

    private final LeaderObserver leaders;
    private final MessageSender sender;
    private final Deque<ControllerMessage> queue = new ArrayDeque<>();
    private Thread worker;
    private volatile boolean running;

    public StateReporter(LeaderObserver leaders, MessageSender sender) {
        this.leaders = leaders;
        this.sender = sender;
        leaders.onChange(leader -> wake());
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
            ControllerMessage next;
            synchronized (queue) {
                next = queue.peekFirst();
                if (next == null) {
                    waitQuietly(Duration.ofSeconds(5));
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
            synchronized (queue) {
                if (queue.peekFirst() == next) {
                    queue.pollFirst();
                }
            }
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
