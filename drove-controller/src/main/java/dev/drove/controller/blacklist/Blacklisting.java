package dev.drove.controller.blacklist;

import dev.drove.common.errors.ApiException;
import dev.drove.controller.events.EventBus;
import dev.drove.controller.leadership.LeadershipListener;
import dev.drove.models.api.ApiResponse;
import dev.drove.models.api.BlacklistOperationResponse;
import dev.drove.models.events.DroveEventType;
import dev.drove.models.info.nodedata.ExecutorNodeData;
import jakarta.ws.rs.core.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * Executor blacklisting on the leader (docs: cluster/maintenance.md, "Executor blacklisting"; apis/cluster.md).
 * {@link #blacklist} puts executors in the {@link BlacklistBook} as BLACKLIST_REQUESTED, which keeps new work off
 * them at once; {@link BlacklistPass passes} then move their application instances away one application at a time,
 * and an executor whose last application instance is gone becomes BLACKLISTED and is told so. Tasks run to their end
 * and local service instances stay: neither is moved. {@link #unblacklist} takes executors out of the book, so they
 * take work again at once, and tells them.
 *
 * <p>While this controller leads, a pass runs right after each request and every {@code passInterval}, on one thread
 * of its own. Each term reads the book from ZooKeeper before anything acts on it, since the previous leader may have
 * changed it. Thread-safe.
 */
public final class Blacklisting implements LeadershipListener, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Blacklisting.class);

    private final BlacklistBook book;
    private final Supplier<List<ExecutorNodeData>> executors;
    private final BlacklistPass pass;
    private final RotationSync sync;
    private final EventBus events;
    private final Duration passInterval;
    private final AtomicBoolean passQueued = new AtomicBoolean();
    private ScheduledExecutorService worker; // guarded by this; null while not leading
    private boolean loaded; // guarded by this: whether the book was read in this term

    /** @param executors the executors the leader tracks, as last published (its ExecutorTracker) */
    Blacklisting(BlacklistBook book, Supplier<List<ExecutorNodeData>> executors, BlacklistPass pass,
                 RotationSync sync, EventBus events, Duration passInterval) {
        this.book = book;
        this.executors = executors;
        this.pass = pass;
        this.sync = sync;
        this.events = events;
        this.passInterval = passInterval;
    }

    /**
     * Takes the executors out of rotation. An id is refused ({@code failed}) when the leader neither tracks nor has
     * booked such an executor; one already blacklisted is accepted again and nothing changes.
     *
     * @throws ApiException 400 when this controller does not lead
     */
    public synchronized BlacklistOperationResponse blacklist(Collection<String> executorIds) {
        requireLeading();
        var tracked = executors.get();
        var successful = new LinkedHashSet<String>();
        var failed = new LinkedHashSet<String>();
        for (var id : new LinkedHashSet<>(executorIds)) {
            var executor = RotationSync.find(tracked, id);
            if (executor.isEmpty() && book.find(id).isEmpty()) {
                failed.add(id);
                continue;
            }
            executor.flatMap(data -> book.request(id, data.hostname(), data.port())).ifPresent(entry -> {
                log.info("Executor {} ({}:{}) is BLACKLIST_REQUESTED: it takes no new work, and its application "
                        + "instances are moved to other executors", id, entry.hostname(), entry.port());
                events.publish(entry.event(DroveEventType.EXECUTOR_BLACKLIST_REQUESTED));
            });
            successful.add(id);
        }
        wake();
        return new BlacklistOperationResponse(successful, failed, null, successful.isEmpty() ? null
                : "Executors take no new work from now on; their application instances are moved to other "
                + "executors one application at a time, and each shows BLACKLISTED once none is left on it");
    }

    /**
     * Puts the executors back in rotation: they take new work at once, and each is told so right away (a pass tells
     * it again if that fails). Instances moved away stay where they are. An id is refused ({@code failed}) when the
     * leader neither tracks nor has booked such an executor.
     *
     * @throws ApiException 400 when this controller does not lead
     */
    public synchronized BlacklistOperationResponse unblacklist(Collection<String> executorIds) {
        requireLeading();
        var tracked = executors.get();
        var successful = new LinkedHashSet<String>();
        var failed = new LinkedHashSet<String>();
        for (var id : new LinkedHashSet<>(executorIds)) {
            var removed = book.remove(id);
            if (removed.isEmpty() && RotationSync.find(tracked, id).isEmpty()) {
                failed.add(id);
                continue;
            }
            removed.ifPresent(entry -> {
                log.info("Executor {} ({}:{}) is back in rotation (it was {})", id, entry.hostname(), entry.port(),
                        entry.state());
                events.publish(entry.event(DroveEventType.EXECUTOR_UN_BLACKLISTED));
                RotationSync.find(tracked, id).filter(data -> data.executorState().isBlacklisted())
                        .ifPresent(data -> sync.tell(data, false));
            });
            successful.add(id);
        }
        wake();
        return new BlacklistOperationResponse(successful, failed, null, successful.isEmpty() ? null
                : "Executors take new work again; instances moved away stay where they are");
    }

    @Override
    public synchronized void leadershipAcquired() {
        stop();
        loaded = false;
        pass.reset();
        worker = Executors.newSingleThreadScheduledExecutor(runnable -> {
            var thread = new Thread(runnable, "blacklisting");
            thread.setDaemon(true);
            return thread;
        });
        worker.scheduleWithFixedDelay(this::runPass, 0, passInterval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void leadershipLost() {
        stop();
    }

    @Override
    public void close() {
        leadershipLost();
    }

    /** Runs a pass soon on the worker; passes asked for while one waits to run are one pass. */
    private synchronized void wake() {
        if (worker != null && passQueued.compareAndSet(false, true)) {
            try {
                worker.execute(() -> {
                    passQueued.set(false);
                    runPass();
                });
            } catch (RejectedExecutionException e) {
                passQueued.set(false);
            }
        }
    }

    private void runPass() {
        try {
            ensureLoaded();
            pass.run();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            log.info("Blacklisting pass stopped: leadership is lost");
        } catch (RuntimeException e) {
            log.warn("Blacklisting pass failed; trying again in {} s: {}", passInterval.toSeconds(), e.getMessage(),
                    e);
        }
    }

    /** Reads the book once per term, before anything acts on it. */
    private synchronized void ensureLoaded() {
        if (!loaded) {
            book.load();
            loaded = true;
            log.info("Blacklist book loaded: {}", book.entries().isEmpty() ? "no executor is blacklisted"
                    : book.entries().stream().map(e -> e.executorId() + " " + e.state()).toList());
        }
    }

    private synchronized void requireLeading() {
        if (worker == null) {
            throw new ApiException(Response.Status.BAD_REQUEST, ApiResponse.NOT_LEADER_MESSAGE);
        }
        ensureLoaded();
    }

    private synchronized void stop() {
        if (worker != null) {
            worker.shutdownNow();
            worker = null;
        }
        passQueued.set(false);
    }
}
