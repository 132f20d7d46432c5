package dev.drove.executor.checks;

/**
 * How waiting for readiness ended ({@link CheckRunner#awaitReady}).
 *
 * @param message for FAILED, the message of the last failed run; null otherwise
 */
public record ReadinessOutcome(Status status, String message) {

    public enum Status {
        /** One run passed. */
        READY,
        /** {@code attempts} runs in a row failed. */
        FAILED,
        /** The {@link StopSignal} tripped first. */
        STOP_REQUESTED
    }

    static ReadinessOutcome ready() {
        return new ReadinessOutcome(Status.READY, null);
    }

    static ReadinessOutcome failed(String message) {
        return new ReadinessOutcome(Status.FAILED, message);
    }

    static ReadinessOutcome stopRequested() {
        return new ReadinessOutcome(Status.STOP_REQUESTED, null);
    }
}
