package dev.drove.models.taskinstance;

import jakarta.validation.constraints.NotNull;

/**
 * How a finished task ended.
 *
 * @param exitCode the container's exit code; meaningful when the container ran
 */
public record TaskResult(@NotNull Status status, long exitCode) {

    /** SUCCESSFUL: exit code 0. FAILED: any other. CANCELLED: killed by an operation. LOST: its executor vanished. */
    public enum Status {
        SUCCESSFUL,
        FAILED,
        CANCELLED,
        LOST
    }

    /** The result of a container that exited by itself with {@code exitCode}. */
    public static TaskResult exited(long exitCode) {
        return new TaskResult(exitCode == 0 ? Status.SUCCESSFUL : Status.FAILED, exitCode);
    }
}
