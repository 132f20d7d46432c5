package dev.drove.controller.tasks;

import dev.drove.common.messages.TaskInstanceSpec;
import dev.drove.controller.scheduler.PlacementSession;
import dev.drove.models.taskinstance.TaskInfo;
import dev.drove.models.taskinstance.TaskState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * The background half of task operations: sending START_TASK and STOP_TASK and settling the stored run when the
 * executor does not take them. Each step is told whether its leadership term is still current and writes nothing
 * once it is not; a later leader settles what is left ({@link TaskRecovery}).
 */
final class TaskDeliveries {
    private static final Logger log = LoggerFactory.getLogger(TaskDeliveries.class);

    private final TaskRecords records;
    private final TaskMessenger messenger;

    TaskDeliveries(TaskRecords records, TaskMessenger messenger) {
        this.records = records;
        this.messenger = messenger;
    }

    /**
     * Sends START_TASK for {@code pending}. Taken: the placement is committed. Refused: the run is STOPPED; not
     * delivered within the retry window: LOST; either way its placement is freed.
     */
    void start(BooleanSupplier current, PlacementSession session, TaskInfo pending, TaskInstanceSpec spec) {
        try (session) {
            var delivery = messenger.startTask(pending.executorId(), spec);
            if (!current.getAsBoolean()) {
                return;
            }
            if (delivery.isAccepted()) {
                session.commit();
                return;
            }
            records.end(pending, delivery.isRejected() ? TaskState.STOPPED : TaskState.LOST, null,
                    "START_TASK was not taken by executor " + pending.executorId() + ": " + delivery.reason());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            quit(current, "start", pending, e);
        }
    }

    /**
     * Sends STOP_TASK for {@code run}, then waits up to {@code timeout} for it to end. An executor that does not run
     * it (REJECTED) ends it STOPPED; one that cannot be reached leaves it as it is, for a later KILL or the grace
     * period.
     */
    void stop(BooleanSupplier current, TaskInfo run, Duration timeout) {
        try {
            var delivery = messenger.stopTask(run.executorId(), run.instanceId());
            if (!current.getAsBoolean()) {
                return;
            }
            if (delivery.isRejected()) {
                records.end(run, TaskState.STOPPED, null, "Executor " + run.executorId() + " does not run it: "
                        + delivery.reason());
                return;
            }
            if (!delivery.isAccepted()) {
                log.warn("Task {} of {} could not be killed: {}", run.taskId(), run.sourceAppName(),
                        delivery.reason());
                return;
            }
            var ended = records.await(run.sourceAppName(), run.taskId(), t -> t.state().isTerminal(), timeout);
            if (ended.isEmpty()) {
                log.warn("Task {} of {} did not stop within {} s of its KILL", run.taskId(), run.sourceAppName(),
                        timeout.toSeconds());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            quit(current, "kill", run, e);
        }
    }

    /** A step failed: ZooKeeper unreachable, or interrupted because leadership ended. */
    private static void quit(BooleanSupplier current, String step, TaskInfo run, RuntimeException e) {
        if (current.getAsBoolean()) {
            log.warn("Could not finish the {} of task {} of {}: {}", step, run.taskId(), run.sourceAppName(),
                    e.getMessage(), e);
        } else {
            log.info("Left the {} of task {} of {} to the next leader: {}", step, run.taskId(), run.sourceAppName(),
                    e.getMessage());
        }
    }
}
