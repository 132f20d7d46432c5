package dev.drove.models.application.checks;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * The outcome of one check run (docs: applications/specification.md, "Check Specification").
 *
 * @param message why a check failed, as the checker saw it; null when healthy
 */
public record CheckResult(Status status, String message) {

    /** HEALTHY and UNHEALTHY are verdicts; STOPPED means the container is already stopping, so no verdict. */
    public enum Status {
        HEALTHY,
        UNHEALTHY,
        STOPPED
    }

    public static CheckResult healthy() {
        return new CheckResult(Status.HEALTHY, null);
    }

    public static CheckResult unhealthy(String message) {
        return new CheckResult(Status.UNHEALTHY, message);
    }

    public static CheckResult stopped() {
        return new CheckResult(Status.STOPPED, null);
    }

    @JsonIgnore
    public boolean isHealthy() {
        return status == Status.HEALTHY;
    }
}
