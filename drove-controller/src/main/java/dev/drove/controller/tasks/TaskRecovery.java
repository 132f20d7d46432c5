package dev.drove.controller.tasks;

import dev.drove.controller.cluster.ExecutorTracker;
import dev.drove.controller.leadership.LeadershipListener;
import dev.drove.controller.statestore.TaskStore;
import dev.drove.models.info.nodedata.ExecutorNodeData;
import dev.drove.models.taskinstance.TaskInfo;
import dev.drove.models.taskinstance.TaskResult;
import dev.drove.models.taskinstance.TaskState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Date;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Settles task runs whose executor cannot tell what became of them (docs: tasks/index.md: tasks are not replaced when
 * their executor goes down). Leader only, on a thread of its own:
 *
 * <pre>
 * executor gone past the grace period (ExecutorTracker) ─▶ its unfinished runs LOST, result LOST
 * leadership acquired ─▶ executors read once ─▶ the runs they list taken as reports
 *                     ─▶ after the grace period: runs on executors still not seen ─▶ LOST
 *                                                 runs still PENDING that their executor does not list ─▶ STOPPED
 * </pre>
 * The second case covers what happened while no controller led: a run stored PENDING whose START_TASK was never
 * sent, and an executor that vanished before this term could see it.
 */
final class TaskRecovery implements LeadershipListener, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(TaskRecovery.class);
    private static final Duration FIRST_POLL_WAIT = Duration.ofSeconds(10);

    private final TaskStore tasks;
    private final TaskRecords records;
    private final ExecutorTracker tracker;
    private final Duration gracePeriod;
    private ScheduledExecutorService worker; // guarded by this

    TaskRecovery(TaskStore tasks, TaskRecords records, ExecutorTracker tracker, Duration gracePeriod) {
        this.tasks = tasks;
        this.records = records;
        this.tracker = tracker;
        this.gracePeriod = gracePeriod;
    }

    @Override
    public synchronized void leadershipAcquired() {
        stop();
        var started = new Date();
        worker = Executors.newSingleThreadScheduledExecutor(runnable -> {
            var thread = new Thread(runnable, "task-recovery");
            thread.setDaemon(true);
            return thread;
        });
        worker.execute(this::adoptListedRuns);
        worker.schedule(() -> settleUnseen(started), gracePeriod.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void leadershipLost() {
        stop();
    }

    @Override
    public void close() {
        leadershipLost();
    }

    /** Ends the unfinished runs of an executor gone past the grace period; returns at once. */
    synchronized void executorLost(String executorId) {
        if (worker == null) {
            return;
        }
        try {
            worker.execute(() -> markLost(executorId));
        } catch (RejectedExecutionException e) {
            log.debug("Not marking the tasks of executor {} LOST: leadership is lost", executorId);
        }
    }

    /** Marks every unfinished run on {@code executorId} LOST; returns how many. */
    int markLost(String executorId) {
        int lost = 0;
        for (var run : tasks.all()) {
            if (executorId.equals(run.executorId()) && !run.state().isTerminal() && records.end(run, TaskState.LOST,
                    new TaskResult(TaskResult.Status.LOST, -1), "Executor " + executorId
                            + " has been gone longer than the grace period of " + gracePeriod.toSeconds() + " s")
                    .isPresent()) {
                lost++;
            }
        }
        if (lost > 0) {
            log.warn("{} tasks on executor {} are LOST; tasks are not moved or retried", lost, executorId);
        }
        return lost;
    }

    /**
     * After a term's grace period: unfinished runs on executors still unseen are LOST; runs created before the term
     * and still PENDING on a present executor that does not list them never got their START_TASK and are STOPPED.
     */
    void settleUnseen(Date termStart) {
        try {
            Map<String, ExecutorNodeData> present = tracker.executors().stream()
                    .filter(data -> data.state() != null && data.state().executorId() != null)
                    .collect(Collectors.toMap(data -> data.state().executorId(), Function.identity(), (a, b) -> b));
            var unseen = new HashSet<String>();
            for (var run : tasks.all()) {
                if (run.state().isTerminal() || run.executorId() == null) {
                    continue;
                }
                var executor = present.get(run.executorId());
                if (executor == null) {
                    unseen.add(run.executorId());
                } else if (run.state() == TaskState.PENDING && run.created() != null
                        && run.created().before(termStart) && !lists(executor, run)) {
                    records.end(run, TaskState.STOPPED, null, "Executor " + run.executorId()
                            + " never received the start of this task");
                }
            }
            unseen.forEach(this::markLost);
        } catch (RuntimeException e) {
            log.warn("Could not settle the tasks of executors not seen since becoming leader: {}", e.getMessage());
        }
    }

    private void adoptListedRuns() {
        try {
            if (!tracker.awaitFirstPoll(FIRST_POLL_WAIT)) {
                log.warn("Executors not read within {} s; task runs are settled with what is stored",
                        FIRST_POLL_WAIT.toSeconds());
            }
            tracker.executors().forEach(data -> data.tasks().forEach(records::report));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            log.warn("Could not take the task runs the executors list: {}", e.getMessage());
        }
    }

    private static boolean lists(ExecutorNodeData executor, TaskInfo run) {
        Set<String> listed = executor.tasks().stream().map(TaskInfo::instanceId).collect(Collectors.toSet());
        return listed.contains(run.instanceId());
    }

    private void stop() {
        if (worker != null) {
            worker.shutdownNow();
            worker = null;
        }
    }
}
