package dev.drove.executor.checks;

import dev.drove.models.application.checks.CheckResult;
import dev.drove.models.application.checks.CheckSpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.function.Consumer;

/**
 * Repeats a {@link Checker} as a {@link CheckSpec} says (docs: applications/specification.md, "Check
 * Specification"): after {@code initialDelay}, one run every {@code interval} (counted from the end of the previous
 * run), {@code attempts} failures in a row fail the check.
 *
 * <p>Everything runs on the caller's thread and no thread is started. Between runs the runner waits on the
 * {@link StopSignal}, so a trip ends the wait at once; a trip seen after a run wins over that run's result. A run is
 * bounded by the timeout the checker was built with. A checker that throws counts as a failed run whose message is
 * the exception's.
 */
public final class CheckRunner {
    private static final Logger log = LoggerFactory.getLogger(CheckRunner.class);

    /**
     * Runs the readiness check until it passes once.
     *
     * @param skipInitialDelay true on the recovery path, where the container is already running (the docs' note on
     *                         {@code initialDelay})
     * @return READY, FAILED with the last failure's message, or STOP_REQUESTED
     */
    public ReadinessOutcome awaitReady(CheckSpec spec, Checker checker, StopSignal stop, boolean skipInitialDelay) {
        if (!skipInitialDelay && stop.awaitTrip(spec.initialDelay().toJavaDuration())) {
            return ReadinessOutcome.stopRequested();
        }
        int failures = 0;
        while (!stop.isTripped()) {
            CheckResult result = runOnce(checker);
            if (stop.isTripped()) {
                break;
            }
            if (result.isHealthy()) {
                log.info("Readiness check passed: {}", result.message());
                return ReadinessOutcome.ready();
            }
            failures++;
            log.info("Readiness check failed {} of {} times in a row: {}", failures, spec.attempts(),
                    result.message());
            if (failures >= spec.attempts()) {
                return ReadinessOutcome.failed(result.message());
            }
            if (stop.awaitTrip(spec.interval().toJavaDuration())) {
                break;
            }
        }
        return ReadinessOutcome.stopRequested();
    }

    /** {@link #watchHealth(CheckSpec, Checker, StopSignal, boolean, Consumer)} after the spec's initial delay. */
    public HealthOutcome watchHealth(CheckSpec spec, Checker checker, StopSignal stop,
                                     Consumer<CheckResult> onEachResult) {
        return watchHealth(spec, checker, stop, false, onEachResult);
    }

    /**
     * Runs the health check for as long as the instance lives.
     *
     * @param skipInitialDelay true on the recovery path, where the container is already running
     * @param onEachResult     gets the result of every run that the stop signal did not overtake, on this thread
     * @return UNHEALTHY with the last failure's message once {@code attempts} runs in a row failed (a pass resets the
     *         count), or STOP_REQUESTED
     */
    public HealthOutcome watchHealth(CheckSpec spec, Checker checker, StopSignal stop, boolean skipInitialDelay,
                                     Consumer<CheckResult> onEachResult) {
        if (!skipInitialDelay && stop.awaitTrip(spec.initialDelay().toJavaDuration())) {
            return HealthOutcome.stopRequested();
        }
        int failures = 0;
        while (!stop.isTripped()) {
            CheckResult result = runOnce(checker);
            if (stop.isTripped()) {
                break;
            }
            onEachResult.accept(result);
            if (result.isHealthy()) {
                failures = 0;
            } else {
                failures++;
                log.info("Health check failed {} of {} times in a row: {}", failures, spec.attempts(),
                        result.message());
                if (failures >= spec.attempts()) {
                    return HealthOutcome.unhealthy(result.message());
                }
            }
            if (stop.awaitTrip(spec.interval().toJavaDuration())) {
                break;
            }
        }
        return HealthOutcome.stopRequested();
    }

    /** One run; a throwing or silent checker gives an UNHEALTHY result saying so. */
    static CheckResult runOnce(Checker checker) {
        try {
            CheckResult result = checker.check();
            return result == null ? CheckResult.unhealthy(checker + " gave no result") : result;
        } catch (RuntimeException e) {
            log.warn("{} threw instead of answering", checker, e);
            return CheckResult.unhealthy(e.getMessage() == null ? e.getClass().getName() : e.getMessage());
        }
    }
}
