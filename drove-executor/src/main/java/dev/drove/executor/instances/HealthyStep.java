package dev.drove.executor.instances;

import dev.drove.executor.checks.CheckRunner;
import dev.drove.executor.checks.Checker;
import dev.drove.executor.checks.Checkers;
import dev.drove.executor.checks.HealthOutcome;
import dev.drove.models.application.checks.CheckResult;
import dev.drove.models.application.checks.CheckSpec;
import dev.drove.models.instance.InstanceState;
import jakarta.inject.Inject;

import java.time.Duration;

/**
 * HEALTHY: repeat the health check every interval; {@code attempts} failures in a row → UNHEALTHY with the last
 * failure; the container dying by itself → UNHEALTHY with its exit code (noticed at once through the engine's
 * events, not at the next check); a stop request → STOPPING. While the container engine does not answer, failed
 * checks do not count ({@link EngineOutageHold}): the instance stays HEALTHY until the engine is back.
 */
final class HealthyStep implements InstanceStep {
    private final CheckRunner checks;
    private final EngineCommands commands;
    private final EngineOutageHold hold;

    @Inject
    HealthyStep(CheckRunner checks, EngineCommands commands, EngineOutageHold hold) {
        this.checks = checks;
        this.commands = commands;
        this.hold = hold;
    }

    @Override
    public Move<InstanceState> run(ServiceInstance instance) {
        CheckSpec health = instance.spec().healthcheck();
        if (health == null) {
            while (!instance.signal().awaitTrip(Duration.ofHours(1))) {
                // No health check: healthy until something happens to the instance.
            }
            return afterSignal(instance);
        }
        Checker checker = hold.guard(Checkers.forCheck(health, instance.ports(), instance.containerId(), commands),
                instance.signal());
        if (instance.signal().awaitTrip(health.interval().toJavaDuration())) {
            return afterSignal(instance);
        }
        HealthOutcome outcome = checks.watchHealth(health, checker, instance.signal(), true, result -> {
        });
        if (outcome.status() == HealthOutcome.Status.UNHEALTHY) {
            return new Move<>(InstanceState.UNHEALTHY,
                    "Health check failed " + health.attempts() + " times in a row: " + outcome.message(),
                    " after " + health.attempts() + " failed checks: " + outcome.message());
        }
        return afterSignal(instance);
    }

    private static Move<InstanceState> afterSignal(ServiceInstance instance) {
        return instance.exitedOnItsOwn().isPresent() && !instance.isStopRequested()
                ? Move.failed(InstanceState.UNHEALTHY, instance.unexpectedExitMessage())
                : Move.to(InstanceState.STOPPING);
    }

    /** One run of a checker; a checker that throws or answers nothing counts as a failed run. */
    static CheckResult runOnce(Checker checker) {
        try {
            CheckResult result = checker.check();
            return result == null ? CheckResult.unhealthy(checker + " gave no result") : result;
        } catch (RuntimeException e) {
            return CheckResult.unhealthy(e.getMessage() == null ? e.getClass().getName() : e.getMessage());
        }
    }
}
