package dev.drove.executor.instances;

import dev.drove.executor.checks.CheckRunner;
import dev.drove.executor.checks.Checker;
import dev.drove.executor.checks.Checkers;
import dev.drove.executor.checks.ReadinessOutcome;
import dev.drove.models.application.checks.CheckSpec;
import dev.drove.models.instance.InstanceState;
import jakarta.inject.Inject;

/**
 * UNREADY: run the readiness check until it passes once → READY; {@code attempts} failures in a row →
 * READINESS_CHECK_FAILED; a stop or the container's death → STOPPING. An adopted container skips the initial delay.
 */
final class UnreadyStep implements InstanceStep {
    private final CheckRunner checks;
    private final EngineCommands commands;
    private final EngineOutageHold hold;

    @Inject
    UnreadyStep(CheckRunner checks, EngineCommands commands, EngineOutageHold hold) {
        this.checks = checks;
        this.commands = commands;
        this.hold = hold;
    }

    @Override
    public Move<InstanceState> run(ServiceInstance instance) {
        CheckSpec readiness = instance.spec().readiness();
        if (instance.signal().isTripped()) {
            return instance.toStopping();
        }
        if (readiness == null) {
            return Move.to(InstanceState.READY);
        }
        Checker checker;
        try {
            checker = hold.guard(Checkers.forCheck(readiness, instance.ports(), instance.containerId(), commands),
                    instance.signal());
        } catch (IllegalArgumentException e) {
            return Move.failed(InstanceState.READINESS_CHECK_FAILED, e.getMessage());
        }
        ReadinessOutcome outcome = checks.awaitReady(readiness, checker, instance.signal(), instance.isRecovered());
        return switch (outcome.status()) {
            case READY -> Move.to(InstanceState.READY);
            case FAILED -> Move.failed(InstanceState.READINESS_CHECK_FAILED, "Readiness check failed "
                    + readiness.attempts() + " times in a row: " + outcome.message());
            case STOP_REQUESTED -> instance.toStopping();
        };
    }
}
