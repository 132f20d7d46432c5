package dev.drove.executor.checks;

/**
 * How watching the health of an instance ended ({@link CheckRunner#watchHealth}); it never ends while the instance is
 * healthy.
 *
 * @param message for UNHEALTHY, the message of the last failed run; null otherwise
 */
public record HealthOutcome(Status status, String message) {

    public enum Status {
        /** {@code attempts} runs in a row failed. */
        UNHEALTHY,
        /** The {@link StopSignal} tripped first. */
        STOP_REQUESTED
    }

    static HealthOutcome unhealthy(String message) {
        return new HealthOutcome(Status.UNHEALTHY, message);
    }

    static HealthOutcome stopRequested() {
        return new HealthOutcome(Status.STOP_REQUESTED, null);
    }
}
