package dev.drove.executor.instances;

import dev.drove.executor.checks.Checker;
import dev.drove.executor.checks.StopSignal;
import dev.drove.executor.engine.EngineWatch;
import dev.drove.models.application.checks.CheckResult;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * While the container engine does not answer, instances are kept as they are: a failed engine call or a failed check
 * is not taken as the container's death, because the executor cannot tell (with live-restore the containers keep
 * running through an engine restart, and an HTTP check may even keep passing). Instead the instance waits for the
 * engine: once it answers, the executor has resynchronised ({@code Instances.resynchronise}: a container that died
 * or vanished meanwhile has tripped its instance's signal), and the instance carries on from there.
 *
 * <p>The hold is bounded by {@link #LIMIT}: past it, failures count again and instances follow their state machine
 * (a failed health check makes one UNHEALTHY; engine calls that still fail end it on its failure path, and the
 * controller replaces it). An outage that long is an engine that is not coming back by itself.
 */
@Singleton
final class EngineOutageHold {
    /** How long instances are held while the engine does not answer. */
    static final Duration LIMIT = Duration.ofMinutes(5);
    private static final Duration WAIT_STEP = Duration.ofSeconds(1);

    private final EngineWatch watch;
    private final Duration limit;

    @Inject
    EngineOutageHold(EngineWatch watch) {
        this(watch, LIMIT);
    }

    EngineOutageHold(EngineWatch watch, Duration limit) {
        this.watch = watch;
        this.limit = limit;
    }

    /** Whether a failure now should be waited out: the engine does not answer and the outage is within the limit. */
    boolean engineIsAway() {
        return !watch.confirmReachable() && withinLimit();
    }

    /**
     * Waits for the engine to answer (and the executor to resynchronise).
     *
     * @param giveUp checked every second; true ends the wait (the instance is being detached or must stop)
     * @return true once the engine answers; false when the limit passed or {@code giveUp} said so
     */
    boolean awaitEngine(BooleanSupplier giveUp) {
        while (!giveUp.getAsBoolean()) {
            if (watch.awaitReachable(WAIT_STEP)) {
                return true;
            }
            if (!withinLimit() || Thread.currentThread().isInterrupted()) {
                return false;
            }
        }
        return false;
    }

    /**
     * A checker whose failures do not count while the engine is away: the check waits for the engine (or for the
     * signal) and then runs again, so its result reflects the container after the resynchronisation.
     */
    Checker guard(Checker checker, StopSignal signal) {
        return new Checker() {
            @Override
            public CheckResult check() {
                CheckResult result = HealthyStep.runOnce(checker);
                if (result.isHealthy() || signal.isTripped() || !engineIsAway()) {
                    return result;
                }
                return awaitEngine(signal::isTripped) ? HealthyStep.runOnce(checker) : result;
            }

            @Override
            public String toString() {
                return checker.toString();
            }
        };
    }

    private boolean withinLimit() {
        return watch.outage().map(outage -> outage.compareTo(limit) < 0).orElse(true);
    }
}
