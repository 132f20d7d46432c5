package dev.drove.controller.tasks;

import dev.drove.controller.leadership.LeadershipListener;
import dev.drove.controller.statestore.TaskStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Deletes the metadata of finished tasks (STOPPED, LOST) last updated longer than {@code staleTaskAge} ago, every
 * {@code staleCheckInterval}, while this controller leads (docs: cluster/setup/controller.md, options
 * {@code staleTaskAge}, default 2 days, and {@code staleCheckInterval}, default 1 hour; tasks/operations.md: "Task
 * metadata will remain on the cluster for some time"). Until then a finished task is still answered by
 * {@code GET /apis/v1/tasks/{sourceAppName}/instances/{taskId}} and its id cannot be used again. Passes are skipped
 * while the cluster is in maintenance ({@link #pauseWhile}).
 */
final class StaleTaskCleaner implements LeadershipListener, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(StaleTaskCleaner.class);

    private final TaskStore tasks;
    private final TaskOptions options;
    private final Clock clock;
    private volatile BooleanSupplier paused = () -> false;
    private ScheduledExecutorService worker; // guarded by this

    StaleTaskCleaner(TaskStore tasks, TaskOptions options, Clock clock) {
        this.tasks = tasks;
        this.options = options;
        this.clock = clock;
    }

    /** Skips every pass while {@code paused} answers true (maintenance mode). */
    void pauseWhile(BooleanSupplier paused) {
        this.paused = paused;
    }

    @Override
    public synchronized void leadershipAcquired() {
        stop();
        worker = Executors.newSingleThreadScheduledExecutor(runnable -> {
            var thread = new Thread(runnable, "stale-task-cleaner");
            thread.setDaemon(true);
            return thread;
        });
        var interval = options.staleCheckInterval().toMillis();
        worker.scheduleWithFixedDelay(this::cleanQuietly, interval, interval, TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void leadershipLost() {
        stop();
    }

    @Override
    public void close() {
        leadershipLost();
    }

    /** One pass: deletes every finished task older than the stale age; returns how many (none while paused). */
    int clean() {
        if (paused.getAsBoolean()) {
            log.info("Stale task cleanup skipped: the cluster is in maintenance mode");
            return 0;
        }
        var cutoff = clock.millis() - options.staleTaskAge().toMillis();
        int deleted = 0;
        for (var task : tasks.all()) {
            if (task.state().isTerminal() && task.updated() != null && task.updated().getTime() < cutoff) {
                tasks.delete(task.sourceAppName(), task.taskId());
                deleted++;
            }
        }
        if (deleted > 0) {
            log.info("Deleted {} finished tasks not updated for {}", deleted, readable(options.staleTaskAge()));
        }
        return deleted;
    }

    private void cleanQuietly() {
        try {
            clean();
        } catch (RuntimeException e) {
            log.warn("Could not delete stale tasks: {}", e.getMessage());
        }
    }

    private static String readable(Duration age) {
        return age.toHours() >= 1 ? age.toHours() + " h" : age.toSeconds() + " s";
    }

    private void stop() {
        if (worker != null) {
            worker.shutdownNow();
            worker = null;
        }
    }
}
