package dev.drove.models.application;

import dev.drove.models.application.checks.CheckModeSpec;
import io.dropwizard.util.Duration;
import io.dropwizard.validation.MinDuration;
import jakarta.validation.Valid;

import java.util.List;

/**
 * What happens before a container is killed (docs: applications/specification.md, "Configuring Pre Shutdown
 * Behaviour"): the hooks run in order, then the executor waits {@code waitBeforeKill} while the instance is UNREADY
 * and receives no gateway traffic.
 *
 * @param hooks          HTTP calls or commands, in the shapes of checks; none when absent
 * @param waitBeforeKill 0 seconds when absent
 */
public record PreShutdownSpec(
        List<@Valid CheckModeSpec> hooks,
        @MinDuration(value = 0, message = "must not be negative") Duration waitBeforeKill) {

    public static final PreShutdownSpec DEFAULT = new PreShutdownSpec(null, null);

    public PreShutdownSpec {
        hooks = hooks == null ? List.of() : List.copyOf(hooks);
        waitBeforeKill = waitBeforeKill == null ? Duration.seconds(0) : waitBeforeKill;
    }
}
