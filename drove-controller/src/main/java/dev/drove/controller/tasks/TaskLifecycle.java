package dev.drove.controller.tasks;

import dev.drove.common.statemachine.TransitionTable;
import dev.drove.models.taskinstance.TaskState;

import java.util.ArrayDeque;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import static dev.drove.models.taskinstance.TaskState.DEPROVISIONING;
import static dev.drove.models.taskinstance.TaskState.LOST;
import static dev.drove.models.taskinstance.TaskState.PENDING;
import static dev.drove.models.taskinstance.TaskState.PROVISIONING;
import static dev.drove.models.taskinstance.TaskState.PROVISIONING_FAILED;
import static dev.drove.models.taskinstance.TaskState.RUNNING;
import static dev.drove.models.taskinstance.TaskState.RUN_COMPLETED;
import static dev.drove.models.taskinstance.TaskState.RUN_FAILED;
import static dev.drove.models.taskinstance.TaskState.STARTING;
import static dev.drove.models.taskinstance.TaskState.STOPPED;
import static dev.drove.models.taskinstance.TaskState.UNKNOWN;

/**
 * A task run's states as the leader sees them: the docs' diagram (tasks/index.md, images/task-state-machine.png) with
 * the moves the executor adds (a stop before the container runs, a container that could not be created), plus two
 * moves only the controller makes: any unfinished run may become LOST (its executor is gone past the grace period)
 * or STOPPED (its executor refused or never knew it).
 *
 * <p>{@link #isProgress} is the "never regress" rule for what executors report: a stored run only moves to a state
 * reachable from where it is, so a late or repeated report cannot take a STOPPED task back to RUNNING.
 */
final class TaskLifecycle {
    static final TransitionTable<TaskState> TABLE = TransitionTable.of(TaskState.class)
            .from(PENDING).to(PROVISIONING, RUN_COMPLETED, STOPPED, LOST)
            .from(PROVISIONING).to(STARTING, PROVISIONING_FAILED, STOPPED, LOST)
            .from(PROVISIONING_FAILED).to(DEPROVISIONING, STOPPED, LOST)
            .from(STARTING).to(RUNNING, RUN_COMPLETED, RUN_FAILED, STOPPED, LOST)
            .from(RUNNING).to(RUN_COMPLETED, STOPPED, LOST)
            .from(RUN_COMPLETED).to(DEPROVISIONING, STOPPED, LOST)
            .from(RUN_FAILED).to(DEPROVISIONING, STOPPED, LOST)
            .from(DEPROVISIONING).to(STOPPED, LOST)
            .from(UNKNOWN).to(RUNNING, STOPPED, LOST)
            .terminal(STOPPED, LOST)
            .build();

    /** States in which the container has run its course: a KILL has nothing left to stop. */
    static final Set<TaskState> FINISHED = Collections.unmodifiableSet(EnumSet.of(PROVISIONING_FAILED, RUN_COMPLETED,
            RUN_FAILED, DEPROVISIONING, STOPPED, LOST));

    private static final Map<TaskState, Set<TaskState>> REACHABLE = reachable();

    private TaskLifecycle() {
    }

    /** Whether a run stored in {@code from} may take {@code to}: it lies ahead of {@code from} in the table. */
    static boolean isProgress(TaskState from, TaskState to) {
        return REACHABLE.get(from).contains(to);
    }

    static boolean isFinished(TaskState state) {
        return FINISHED.contains(state);
    }

    private static Map<TaskState, Set<TaskState>> reachable() {
        var result = new EnumMap<TaskState, Set<TaskState>>(TaskState.class);
        for (var start : TaskState.values()) {
            var seen = EnumSet.noneOf(TaskState.class);
            var next = new ArrayDeque<>(TABLE.nextStates(start));
            while (!next.isEmpty()) {
                var state = next.poll();
                if (seen.add(state)) {
                    next.addAll(TABLE.nextStates(state));
                }
            }
            result.put(start, Collections.unmodifiableSet(seen));
        }
        return Collections.unmodifiableMap(result);
    }
}
