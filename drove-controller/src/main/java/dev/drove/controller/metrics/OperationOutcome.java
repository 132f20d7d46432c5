package dev.drove.controller.metrics;

/** How an application operation ended, as counted by {@link OperationMetrics}. */
public enum OperationOutcome {
    /** All its steps were carried out. */
    SUCCESS,
    /** A step failed (nothing fitted, an instance did not become healthy in time, an unexpected error…). */
    FAILED,
    /** A user cancelled it; it stopped after its current step. */
    CANCELLED
}
