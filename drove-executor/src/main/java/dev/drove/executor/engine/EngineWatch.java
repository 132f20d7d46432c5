package dev.drove.executor.engine;

import io.dropwizard.lifecycle.Managed;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Whether the container engine answers, and what happens when it stops and starts answering again (a dockerd
 * restart, a crash, a socket that went away).
 *
 * <p>The engine is pinged every {@value #PING_MILLIS} ms, and at once whenever a caller
 * {@link #confirmReachable() doubts} it after a failed call. The first failed ping starts an <b>outage</b>: the
 * listeners hear {@link Listener#engineUnreachable} once. While it lasts the engine is pinged every
 * {@value #PING_MILLIS} ms; the first ping that succeeds calls {@link Listener#engineAnswersAgain} (the executor
 * resynchronises there) and only when every listener returned without throwing does the outage end and
 * {@link #awaitReachable} waiters wake, so they see the resynchronised state. A listener that throws (the engine
 * went away again mid-way) keeps the outage open; the next successful ping tries again.
 *
 * <pre>
 * REACHABLE ──ping fails──▶ UNREACHABLE (since t) ──ping answers──▶ listeners resync ──ok──▶ REACHABLE
 *     ▲                        ▲                                          │ throws
 *     └────────────────────────┴────────────────── stays UNREACHABLE ◀────┘
 * </pre>
 */
@Singleton
public final class EngineWatch implements Managed {
    /** How often the engine is pinged. */
    public static final long PING_MILLIS = 1_000;

    private static final Logger LOG = LoggerFactory.getLogger(EngineWatch.class);

    /** What the rest of the executor does about an outage. */
    public interface Listener {
        /** The engine stopped answering; called once per outage, on the thread that noticed. */
        void engineUnreachable(String engine, String reason);

        /**
         * The engine answers again after {@code outage}; called on the watch's thread before the outage ends.
         * Throwing keeps the outage open (the call is repeated after the next successful ping).
         */
        void engineAnswersAgain(String engine, Duration outage);
    }

    private final String engine;
    private final Runnable ping;
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    private final Object monitor = new Object();
    private Instant unreachableSince; // guarded by monitor; null while the engine answers
    private ScheduledExecutorService pinger;

    @Inject
    public EngineWatch(DockerClients docker) {
        this(docker.host(), () -> docker.commands().pingCmd().exec());
    }

    /**
     * @param engine how log lines name the engine, e.g. its socket
     * @param ping   returns when the engine answers, throws when it does not
     */
    public EngineWatch(String engine, Runnable ping) {
        this.engine = engine;
        this.ping = ping;
    }

    public void addListener(Listener listener) {
        listeners.add(listener);
    }

    /** Starts pinging in the background. */
    @Override
    public synchronized void start() {
        if (pinger != null) {
            return;
        }
        pinger = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "engine-watch");
            thread.setDaemon(true);
            return thread;
        });
        pinger.scheduleWithFixedDelay(this::check, PING_MILLIS, PING_MILLIS, TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (pinger != null) {
            pinger.shutdownNow();
            pinger = null;
        }
    }

    /** Whether the engine answered at the last look (no outage is open). */
    public boolean isReachable() {
        synchronized (monitor) {
            return unreachableSince == null;
        }
    }

    /** How long the current outage has lasted; empty while the engine answers. */
    public Optional<Duration> outage() {
        synchronized (monitor) {
            return Optional.ofNullable(unreachableSince).map(since -> Duration.between(since, Instant.now()));
        }
    }

    /**
     * For a caller whose engine call just failed: false during an outage; otherwise pings the engine now (bounded by
     * the command timeout) and opens an outage if it does not answer.
     */
    public boolean confirmReachable() {
        if (!isReachable()) {
            return false;
        }
        try {
            ping.run();
            return true;
        } catch (RuntimeException e) {
            unreachable(ContainerEngineException.reasonOf(e));
            return false;
        }
    }

    /**
     * Waits up to {@code wait} for the current outage to end (the engine answers and the executor has
     * resynchronised).
     *
     * @return whether the engine is reachable; false when the time ran out or the thread was interrupted
     */
    public boolean awaitReachable(Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        synchronized (monitor) {
            while (unreachableSince != null) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                try {
                    TimeUnit.NANOSECONDS.timedWait(monitor, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
            return true;
        }
    }

    /** One look at the engine: what the watch's thread does every {@value #PING_MILLIS} ms (tests call it too). */
    public void check() {
        try {
            ping.run();
        } catch (RuntimeException e) {
            unreachable(ContainerEngineException.reasonOf(e));
            return;
        }
        Duration outage = outage().orElse(null);
        if (outage == null) {
            return;
        }
        for (Listener listener : listeners) {
            try {
                listener.engineAnswersAgain(engine, outage);
            } catch (RuntimeException e) {
                LOG.warn("The container engine at {} answers again, but resynchronising failed ({}); trying again "
                        + "in {} ms", engine, ContainerEngineException.reasonOf(e), PING_MILLIS);
                return;
            }
        }
        synchronized (monitor) {
            unreachableSince = null;
            monitor.notifyAll();
        }
    }

    private void unreachable(String reason) {
        synchronized (monitor) {
            if (unreachableSince != null) {
                return;
            }
            unreachableSince = Instant.now();
        }
        for (Listener listener : listeners) {
            try {
                listener.engineUnreachable(engine, reason);
            } catch (RuntimeException e) {
                LOG.warn("An engine outage listener failed", e);
            }
        }
    }
}
