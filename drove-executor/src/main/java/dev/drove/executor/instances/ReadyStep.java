package dev.drove.executor.instances;

import dev.drove.executor.checks.Checker;
import dev.drove.executor.checks.Checkers;
import dev.drove.executor.checks.StopSignal;
import dev.drove.models.application.checks.CheckResult;
import dev.drove.models.application.checks.CheckSpec;
import dev.drove.models.instance.InstanceState;
import jakarta.inject.Inject;

/**
 * READY: wait the health check's initial delay (not for an adopted container), then run the health check until it
 * passes once → HEALTHY. {@code attempts} failures in a row, a stop or the container's death → STOPPING.
 */
final class ReadyStep implements InstanceStep {
    private final EngineCommands commands;
    private final EngineOutageHold hold;

    @Inject
    ReadyStep(EngineCommands commands, EngineOutageHold hold) {
        this.commands = commands;
        this.hold = hold;
    }

    @Override
    public Move<InstanceState> run(ServiceInstance instance) {
        CheckSpec health = instance.spec().healthcheck();
        StopSignal signal = instance.signal();
        if (signal.isTripped()) {
            return instance.toStopping();
        }
        if (health == null) {
            return Move.to(InstanceState.HEALTHY);
        }
        Checker checker;
        try {
            checker = hold.guard(Checkers.forCheck(health, instance.ports(), instance.containerId(), commands),
                    signal);
        } catch (IllegalArgumentException e) {
            return Move.failed(InstanceState.STOPPING, e.getMessage());
        }
        if (!instance.isRecovered() && signal.awaitTrip(health.initialDelay().toJavaDuration())) {
            return instance.toStopping();
        }
        for (int failures = 1; ; failures++) {
            CheckResult result = HealthyStep.runOnce(checker);
            if (signal.isTripped()) {
                return instance.toStopping();
            }
            if (result.isHealthy()) {
                return Move.to(InstanceState.HEALTHY);
            }
            if (failures >= health.attempts()) {
                return Move.failed(InstanceState.STOPPING, "Health check failed " + failures
                        + " times in a row before the instance was first healthy: " + result.message());
            }
            if (signal.awaitTrip(health.interval().toJavaDuration())) {
                return instance.toStopping();
            }
        }
    }
}
