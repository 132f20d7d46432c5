package dev.drove.models.taskinstance;

import java.util.EnumSet;
import java.util.Set;

/**
 * The states of a task instance (contract §2.9; docs: tasks/index.md, "Task State Machine"):
 * PENDING -> PROVISIONING -> STARTING -> RUNNING -> RUN_COMPLETED -> DEPROVISIONING -> STOPPED.
 */
public enum TaskState {
    PENDING,
    PROVISIONING,
    PROVISIONING_FAILED,
    STARTING,
    RUNNING,
    RUN_COMPLETED,
    RUN_FAILED,
    DEPROVISIONING,
    STOPPED,
    LOST,
    UNKNOWN;

    /** States that end a task: nothing leaves them. */
    public static final Set<TaskState> TERMINAL = Set.copyOf(EnumSet.of(STOPPED, LOST));

    /** States that record a failure; the task info then carries an {@code errorMessage}. */
    public static final Set<TaskState> ERRORS = Set.copyOf(EnumSet.of(PROVISIONING_FAILED, RUN_FAILED));

    public boolean isTerminal() {
        return TERMINAL.contains(this);
    }

    public boolean isError() {
        return ERRORS.contains(this);
    }
}
