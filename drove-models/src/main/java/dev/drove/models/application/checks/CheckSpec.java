package dev.drove.models.application.checks;

import io.dropwizard.util.Duration;
import io.dropwizard.validation.MinDuration;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import java.util.concurrent.TimeUnit;

/**
 * A repeated probe of a container: the health check and the readiness check of a spec (docs:
 * applications/specification.md, "Check Specification").
 *
 * @param timeout      how long one run may take before it counts as failed
 * @param interval     time between runs
 * @param attempts     consecutive failures after which the check as a whole fails (1..100)
 * @param initialDelay wait before the first run; 0 when absent. Ignored when an executor recovers running containers.
 */
public record CheckSpec(
        @NotNull @Valid CheckModeSpec mode,
        @NotNull @MinDuration(value = 1, unit = TimeUnit.MILLISECONDS, message = "must be positive") Duration timeout,
        @NotNull @MinDuration(value = 1, unit = TimeUnit.MILLISECONDS, message = "must be positive") Duration interval,
        @Min(1) @Max(100) int attempts,
        @MinDuration(value = 0, message = "must not be negative") Duration initialDelay) {

    public CheckSpec {
        initialDelay = initialDelay == null ? Duration.seconds(0) : initialDelay;
    }
}
