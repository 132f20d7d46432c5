package dev.drove.controller.tasks;

import dev.drove.controller.statestore.TaskStore;
import dev.drove.models.taskinstance.TaskInfo;
import dev.drove.models.taskinstance.TaskResult;
import dev.drove.models.taskinstance.TaskState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * The one way task infos change on the leader, and where the engine waits for them.
 *
 * <ul>
 *     <li>{@link #report}: what an executor says. It replaces the stored info only when it moves the run forward
 *     ({@link TaskLifecycle#isProgress}) or, in the same state, is newer; a report of another run with the same
 *     {@code {sourceAppName, taskId}} is ignored. A run the store does not hold is adopted.</li>
 *     <li>{@link #record}: what the controller decides itself (PENDING before a start, STOPPED, LOST); the move must
 *     be in {@link TaskLifecycle#TABLE}, else it is a bug and throws naming both states.</li>
 * </ul>
 * Thread-safe: writes of one task are serialised; every write wakes {@link #await}ers, and every change of state is
 * passed to the listeners.
 */
final class TaskRecords {
    private static final Logger log = LoggerFactory.getLogger(TaskRecords.class);
    private static final long RECHECK_MILLIS = 250;
    private static final int STRIPES = 64;

    private final TaskStore tasks;
    private final Object[] stripes = new Object[STRIPES];
    private final Object signal = new Object();
    private final List<Consumer<TaskInfo>> listeners = new CopyOnWriteArrayList<>();
    private long version; // guarded by signal

    TaskRecords(TaskStore tasks) {
        this.tasks = tasks;
        for (int i = 0; i < STRIPES; i++) {
            stripes[i] = new Object();
        }
    }

    /**
     * Takes an executor's view of one run.
     *
     * @return whether the store changed
     */
    boolean report(TaskInfo reported) {
        if (reported.sourceAppName() == null || reported.taskId() == null || reported.state() == null) {
            log.warn("Ignoring a task report without sourceAppName, taskId or state: {}", reported);
            return false;
        }
        boolean moved;
        synchronized (stripe(reported.sourceAppName(), reported.taskId())) {
            var stored = tasks.find(reported.sourceAppName(), reported.taskId());
            if (stored.isPresent() && !supersedes(reported, stored.get())) {
                return false;
            }
            if (stored.isEmpty()) {
                log.info("Adopting task {} of {} ({}, instance {}) reported by executor {}", reported.taskId(),
                        reported.sourceAppName(), reported.state(), reported.instanceId(), reported.executorId());
            }
            tasks.save(reported);
            moved = stored.map(TaskInfo::state).orElse(null) != reported.state();
        }
        changed(moved ? reported : null);
        return true;
    }

    /**
     * Saves a decision of the controller: a new run, or a move of the stored one that the table allows.
     *
     * @throws IllegalStateException when the table does not allow the move from the stored state
     */
    void record(TaskInfo decided) {
        boolean moved;
        synchronized (stripe(decided.sourceAppName(), decided.taskId())) {
            var stored = tasks.find(decided.sourceAppName(), decided.taskId());
            stored.filter(run -> run.instanceId().equals(decided.instanceId()))
                    .filter(run -> run.state() != decided.state())
                    .ifPresent(run -> TaskLifecycle.TABLE.check(run.state(), decided.state()));
            tasks.save(decided);
            moved = stored.map(TaskInfo::state).orElse(null) != decided.state();
        }
        changed(moved ? decided : null);
    }

    /**
     * Ends an unfinished run as the controller decided ({@code STOPPED} or {@code LOST}), unless it has ended
     * meanwhile or the stored run is another one.
     *
     * @param result the run's result; null keeps the stored one
     * @return the info saved; empty when nothing changed
     */
    Optional<TaskInfo> end(TaskInfo run, TaskState state, TaskResult result, String why) {
        TaskInfo saved;
        synchronized (stripe(run.sourceAppName(), run.taskId())) {
            var stored = tasks.find(run.sourceAppName(), run.taskId());
            if (stored.isEmpty() || !stored.get().instanceId().equals(run.instanceId())
                    || stored.get().state().isTerminal()) {
                return Optional.empty();
            }
            var ended = stored.get().withState(state, result == null ? stored.get().taskResult() : result, why,
                    new Date());
            TaskLifecycle.TABLE.check(stored.get().state(), state);
            tasks.save(ended);
            log.info("Task {} of {} (instance {}) is {}: {}", run.taskId(), run.sourceAppName(), run.instanceId(),
                    state, why);
            saved = ended;
        }
        changed(saved);
        return Optional.of(saved);
    }

    Optional<TaskInfo> find(String sourceAppName, String taskId) {
        return tasks.find(sourceAppName, taskId);
    }

    /**
     * Waits until the stored info of the task satisfies {@code done}, at most {@code timeout}.
     *
     * @return the info that satisfied {@code done}; empty on timeout
     */
    Optional<TaskInfo> await(String sourceAppName, String taskId, Predicate<TaskInfo> done, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            long seen;
            synchronized (signal) {
                seen = version;
            }
            var current = tasks.find(sourceAppName, taskId);
            if (current.isPresent() && done.test(current.get())) {
                return current;
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return Optional.empty();
            }
            synchronized (signal) {
                if (version == seen) {
                    signal.wait(Math.max(1, Math.min(TimeUnit.NANOSECONDS.toMillis(left), RECHECK_MILLIS)));
                }
            }
        }
    }

    /** Whether an executor's info should replace the stored one of the same task. */
    static boolean supersedes(TaskInfo reported, TaskInfo stored) {
        if (!stored.instanceId().equals(reported.instanceId())) {
            return false;
        }
        if (reported.state() != stored.state()) {
            return TaskLifecycle.isProgress(stored.state(), reported.state());
        }
        return millis(reported.updated()) > millis(stored.updated());
    }

    /** Calls {@code listener} with every saved info whose state changed, on the thread that saved it. */
    void addStateChangeListener(Consumer<TaskInfo> listener) {
        listeners.add(listener);
    }

    /** Wakes the awaiters; tells the listeners of {@code moved}, a run whose state changed (null: none did). */
    private void changed(TaskInfo moved) {
        synchronized (signal) {
            version++;
            signal.notifyAll();
        }
        if (moved == null) {
            return;
        }
        for (var listener : listeners) {
            try {
                listener.accept(moved);
            } catch (RuntimeException e) {
                log.warn("A task listener failed on task {} of {}: {}", moved.taskId(), moved.sourceAppName(),
                        e.getMessage(), e);
            }
        }
    }

    private Object stripe(String sourceAppName, String taskId) {
        return stripes[Math.floorMod((sourceAppName + "/" + taskId).hashCode(), STRIPES)];
    }

    private static long millis(Date date) {
        return date == null ? 0L : date.getTime();
    }
}
