package dev.drove.controller.blacklist;

import dev.drove.controller.events.EventBus;
import dev.drove.models.events.DroveEventType;
import dev.drove.models.info.nodedata.ExecutorNodeData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * One round of blacklisting work, run by {@link Blacklisting} on its own thread while the controller leads:
 * <ol>
 *     <li>tell executors that disagree with the book ({@link RotationSync});</li>
 *     <li>move every application with instances on a booked executor, one at a time, by appId ({@link Migration});
 *     one the engine would not take now is tried on the next pass, one whose move failed (no room elsewhere) not
 *     before {@code retryDelay} has passed;</li>
 *     <li>mark BLACKLISTED each BLACKLIST_REQUESTED executor with no application instance left, raise
 *     EXECUTOR_BLACKLISTED and tell it.</li>
 * </ol>
 * Nothing happens while maintenance is active. Not thread-safe: one thread runs passes.
 */
final class BlacklistPass {
    private static final Logger log = LoggerFactory.getLogger(BlacklistPass.class);

    private final BlacklistBook book;
    private final Supplier<List<ExecutorNodeData>> executors;
    private final Migration migration;
    private final RotationSync sync;
    private final EventBus events;
    private final BooleanSupplier maintenance;
    private final Duration retryDelay;
    private final Clock clock;
    private final Map<String, Long> retryAfter = new ConcurrentHashMap<>(); // appId to epoch millis

    /**
     * @param executors   the executors the leader tracks, as last published (its ExecutorTracker)
     * @param maintenance whether the controller must leave the executors alone now (MaintenanceMode.isActive)
     */
    BlacklistPass(BlacklistBook book, Supplier<List<ExecutorNodeData>> executors, Migration migration,
                  RotationSync sync, EventBus events, BooleanSupplier maintenance, Duration retryDelay, Clock clock) {
        this.book = book;
        this.executors = executors;
        this.migration = migration;
        this.sync = sync;
        this.events = events;
        this.maintenance = maintenance;
        this.retryDelay = retryDelay;
        this.clock = clock;
    }

    /** Forgets the failed moves of an earlier term. */
    void reset() {
        retryAfter.clear();
    }

    /** @throws InterruptedException when leadership is lost meanwhile; a move under way goes on in the engine */
    void run() throws InterruptedException {
        if (maintenance.getAsBoolean()) {
            log.debug("Blacklisting pass skipped: the cluster is in maintenance mode");
            return;
        }
        sync.reconcile(executors.get(), book);
        for (var move : migration.plan(book.executorIds())) {
            if (Thread.currentThread().isInterrupted()) {
                throw new InterruptedException("Blacklisting pass interrupted");
            }
            if (maintenance.getAsBoolean() || !isStillBooked(move) || isWaiting(move.appId())) {
                continue;
            }
            if (migration.move(move) == Migration.Outcome.FAILED) {
                retryAfter.put(move.appId(), clock.millis() + retryDelay.toMillis());
                log.warn("App {} is tried again in {} s", move.appId(), retryDelay.toSeconds());
            }
        }
        confirmEmptyExecutors();
    }

    private void confirmEmptyExecutors() {
        var moving = book.entries().stream().filter(BlacklistEntry::isMoving).map(BlacklistEntry::executorId)
                .toList();
        if (moving.isEmpty()) {
            return;
        }
        var occupied = new TreeSet<String>();
        migration.plan(Set.copyOf(moving)).forEach(move -> occupied.addAll(move.executorIds()));
        var tracked = executors.get();
        for (var id : moving) {
            if (occupied.contains(id)) {
                continue;
            }
            book.confirm(id).ifPresent(entry -> {
                log.info("Executor {} ({}:{}) is BLACKLISTED: no application instance is left on it", id,
                        entry.hostname(), entry.port());
                events.publish(entry.event(DroveEventType.EXECUTOR_BLACKLISTED));
                RotationSync.find(tracked, id).ifPresent(executor -> sync.tell(executor, true));
            });
        }
    }

    private boolean isStillBooked(Move move) {
        return move.executorIds().stream().anyMatch(id -> book.find(id).isPresent());
    }

    private boolean isWaiting(String appId) {
        var after = retryAfter.get(appId);
        if (after == null) {
            return false;
        }
        if (clock.millis() >= after) {
            retryAfter.remove(appId);
            return false;
        }
        return true;
    }
}
