package dev.drove.controller.leadership;

import dev.drove.common.discovery.NodeDataStore;
import dev.drove.common.http.NodeEndpoint;
import dev.drove.common.zookeeper.ZkPaths;
import dev.drove.models.info.nodedata.ControllerNodeData;
import io.dropwizard.lifecycle.Managed;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.recipes.leader.LeaderLatch;
import org.apache.curator.framework.recipes.leader.LeaderLatchListener;
import org.apache.curator.framework.state.ConnectionState;
import org.apache.curator.framework.state.ConnectionStateListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Whether this controller leads the cluster: only one does at a time, and only the leader decides (docs:
 * cluster/setup/controller.md). It competes through a Curator {@link LeaderLatch} on {@code /leaderselection}.
 *
 * <p>This controller leads while its latch holds leadership <em>and</em> its ZooKeeper connection is up. A
 * SUSPENDED or LOST connection counts as lost leadership at once, because another controller takes over as soon as
 * this one's session expires; on reconnect the latch competes again and leadership may come back. Unlike the
 * original, losing ZooKeeper never exits the process: the controller stops leader-only work and waits.
 *
 * <p>Every latch and connection event is turned into one decision on the election's own thread, so Curator's event
 * thread is never held by listeners, and listeners hear only real changes, in order: acquired, lost, acquired, ...
 *
 * <p>It also publishes this controller's {@link ControllerNodeData} at {@code /controller/{hostname}-{port}} and
 * flips its {@code leader} flag on every change; executors find the leader through it.
 *
 * <p>Life cycle: {@link #start()} once, {@link #close()} (or Dropwizard's {@link #stop()}) once; closing fires
 * "lost" to the listeners if this controller led, then releases leadership at once and removes the node data.
 */
public final class LeaderElection implements Managed, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(LeaderElection.class);
    private static final Duration STEP_DOWN_WAIT = Duration.ofSeconds(10);

    private final CuratorFramework curator;
    private final NodeEndpoint self;
    private final LeaderLatch latch;
    private final NodeDataStore nodeData;
    private final ExecutorService events;
    private final List<LeadershipListener> listeners = new CopyOnWriteArrayList<>();
    private final ConnectionStateListener connectionListener = (client, state) -> connectionChanged(state);
    private final AtomicBoolean started = new AtomicBoolean();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final AtomicBoolean nodeDataRemoved = new AtomicBoolean();
    private volatile boolean leader;
    private volatile boolean connected;
    private volatile Thread eventThread;

    /**
     * @param curator the node's started client (its namespace applies); this election does not close it
     * @param self    where this controller listens, published as its node data
     */
    public LeaderElection(CuratorFramework curator, NodeEndpoint self) {
        this.curator = curator;
        this.self = self;
        this.latch = new LeaderLatch(curator, ZkPaths.LEADER_SELECTION, self.hostname() + "-" + self.port());
        this.nodeData = new NodeDataStore(curator);
        this.events = Executors.newSingleThreadExecutor(runnable -> {
            var thread = new Thread(runnable, "leader-election-" + self.hostname() + "-" + self.port());
            thread.setDaemon(true);
            eventThread = thread;
            return thread;
        });
    }

    /** Whether this controller leads right now. False before {@link #start()} and after {@link #close()}. */
    public boolean isLeader() {
        return leader && !closed.get();
    }

    /**
     * Adds a listener. If this controller already leads, the listener is told so first, so every listener sees a
     * sequence that starts with "acquired". Takes effect on the election's thread, right after events already queued.
     */
    public void addListener(LeadershipListener listener) {
        if (closed.get()) {
            return;
        }
        events.execute(() -> {
            listeners.add(listener);
            if (leader) {
                tell(listener, true);
            }
        });
    }

    /** Publishes this controller as a follower and joins the election. Returns without waiting for the outcome. */
    @Override
    public void start() throws Exception {
        if (closed.get() || !started.compareAndSet(false, true)) {
            throw new IllegalStateException("The leader election of " + self + " can be started only once");
        }
        curator.getConnectionStateListenable().addListener(connectionListener, events);
        latch.addListener(new LeaderLatchListener() {
            @Override
            public void isLeader() {
                reconsider();
            }

            @Override
            public void notLeader() {
                reconsider();
            }
        }, events);
        events.execute(() -> {
            connected = curator.getZookeeperClient().isConnected();
            publish(false);
        });
        latch.start();
        log.info("Controller {} joined the leader election at {}", self, ZkPaths.LEADER_SELECTION);
    }

    /** Same as {@link #close()}. */
    @Override
    public void stop() {
        close();
    }

    /**
     * Stops competing: tells the listeners "lost" if this controller led (waiting up to 10 s for them), then releases
     * leadership at once so another controller can take over, and removes this controller's node data. Idempotent.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        if (started.get()) {
            stepDown();
            try {
                latch.close();
            } catch (IOException | IllegalStateException e) {
                log.warn("Could not leave the leader election cleanly ({}); it ends with the ZooKeeper session",
                        e.getMessage());
            }
            curator.getConnectionStateListenable().removeListener(connectionListener);
        }
        nodeDataRemoved.set(true);
        nodeData.remove();
        events.shutdown();
        log.info("Controller {} left the leader election", self);
    }

    private void stepDown() {
        if (Thread.currentThread() == eventThread) {
            reconsider(); // closed from a listener: waiting for our own thread would only time out
            return;
        }
        try {
            events.submit(this::reconsider).get(STEP_DOWN_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            log.warn("Leadership listeners did not finish within {} s; releasing leadership anyway",
                    STEP_DOWN_WAIT.toSeconds());
        } catch (ExecutionException e) {
            log.warn("Stepping down failed: {}", e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** On the election's thread: a connection change. Re-publishes the node data after a reconnect. */
    private void connectionChanged(ConnectionState state) {
        connected = state == ConnectionState.CONNECTED || state == ConnectionState.RECONNECTED;
        if (!reconsider() && connected && !closed.get()) {
            publish(leader); // an update sent while ZooKeeper was away may have been dropped
        }
    }

    /**
     * On the election's thread: decides whether this controller leads now and, if that changed, publishes the new
     * flag and tells every listener. Returns whether it changed.
     */
    private boolean reconsider() {
        boolean now = !closed.get() && connected && latch.hasLeadership();
        if (now == leader) {
            return false;
        }
        leader = now;
        if (now) {
            log.info("Controller {} is now the leader", self);
        } else {
            log.warn("Controller {} is no longer the leader: {}", self, whyNotLeader());
        }
        publish(now);
        listeners.forEach(listener -> tell(listener, now));
        return true;
    }

    private String whyNotLeader() {
        if (closed.get()) {
            return "it is shutting down";
        }
        if (!connected) {
            return "its ZooKeeper connection is suspended or lost; leader-only work stops until it is back";
        }
        return "another controller holds the leadership";
    }

    private void publish(boolean isLeader) {
        if (nodeDataRemoved.get()) {
            return; // closed while a step-down was still running: do not bring the entry back
        }
        try {
            nodeData.publish(new ControllerNodeData(self.hostname(), self.port(), self.transportType(), new Date(),
                    isLeader));
        } catch (RuntimeException e) {
            log.warn("Could not publish the node data of controller {} (leader: {}): {}", self, isLeader,
                    e.getMessage());
        }
    }

    private static void tell(LeadershipListener listener, boolean acquired) {
        try {
            if (acquired) {
                listener.leadershipAcquired();
            } else {
                listener.leadershipLost();
            }
        } catch (RuntimeException e) {
            log.error("Leadership listener {} failed on leadership {}: {}", listener, acquired ? "acquired" : "lost",
                    e.getMessage(), e);
        }
    }
}
