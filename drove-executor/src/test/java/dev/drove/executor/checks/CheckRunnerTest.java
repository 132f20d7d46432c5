package dev.drove.executor.checks;

import dev.drove.models.application.checks.CheckResult;
import dev.drove.models.application.checks.CheckSpec;
import dev.drove.models.application.checks.CmdCheckModeSpec;
import io.dropwizard.util.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiFunction;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class CheckRunnerTest {
    private final CheckRunner runner = new CheckRunner();
    private final AtomicReference<Thread> worker = new AtomicReference<>();
    private final ExecutorService background = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "check-runner-test");
        worker.set(thread);
        return thread;
    });

    @AfterEach
    void stopBackground() {
        background.shutdownNow();
    }

    static Stream<Arguments> readiness() {
        return Stream.of(
                arguments("one pass is ready", "P", 3, ReadinessOutcome.ready(), 1),
                arguments("ready after 2 failures with attempts 3", "FFP", 3, ReadinessOutcome.ready(), 3),
                arguments("failed after 3 failures with attempts 3", "FFFP", 3,
                        ReadinessOutcome.failed("failure 3"), 3),
                arguments("attempts 1 allows no second run", "FP", 1, ReadinessOutcome.failed("failure 1"), 1),
                arguments("a throwing checker counts as a failure", "XXP", 3, ReadinessOutcome.ready(), 3),
                arguments("a checker that always throws fails with the exception's message", "X", 3,
                        ReadinessOutcome.failed("checker broke on run 3"), 3));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("readiness")
    void readinessRunsUntilOnePassOrAttemptsFailuresInARow(String name, String script, int attempts,
                                                           ReadinessOutcome outcome, int runs) {
        var checker = new ScriptedChecker(script);

        assertThat(runner.awaitReady(spec(attempts, 10, 0), checker, new StopSignal(), false)).isEqualTo(outcome);
        assertThat(checker.runs()).isEqualTo(runs);
    }

    static Stream<Arguments> health() {
        return Stream.of(
                arguments("unhealthy after 3 failures in a row with attempts 3", "PPFFF", 3,
                        HealthOutcome.unhealthy("failure 5"), 5),
                arguments("interleaved failures never add up to attempts", "FFPFFPFFPFFP", 3,
                        HealthOutcome.stopRequested(), 12),
                arguments("a throwing checker counts as a failure", "XFX", 3,
                        HealthOutcome.unhealthy("checker broke on run 3"), 3),
                arguments("attempts 1 turns unhealthy on the first failure", "PPF", 1,
                        HealthOutcome.unhealthy("failure 3"), 3));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("health")
    void healthTurnsUnhealthyOnlyAfterAttemptsFailuresInARow(String name, String script, int attempts,
                                                             HealthOutcome outcome, int reported) {
        var stop = new StopSignal();
        var checker = new ScriptedChecker(script).thenTrip(stop);
        List<CheckResult> results = new ArrayList<>();

        assertThat(runner.watchHealth(spec(attempts, 10, 0), checker, stop, results::add)).isEqualTo(outcome);
        assertThat(results).hasSize(reported);
        assertThat(results.get(reported - 1).isHealthy()).isEqualTo(script.charAt(reported - 1) == 'P');
    }

    @Test
    void theRunsHappenOnTheCallersThreadAnIntervalApart() {
        var checker = new ScriptedChecker("FFP");

        runner.awaitReady(spec(3, 60, 0), checker, new StopSignal(), false);

        assertThat(checker.runThreads()).containsOnly(Thread.currentThread());
        var nanos = checker.runNanos();
        for (int i = 1; i < nanos.size(); i++) {
            assertThat(nanos.get(i) - nanos.get(i - 1)).isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(60));
        }
    }

    @Test
    void theFirstRunWaitsForTheInitialDelay() {
        var checker = new ScriptedChecker("P");
        long start = System.nanoTime();

        assertThat(runner.awaitReady(spec(3, 10, 150), checker, new StopSignal(), false))
                .isEqualTo(ReadinessOutcome.ready());
        assertThat(checker.runNanos().get(0) - start).isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(150));
    }

    @Test
    void theRecoveryPathSkipsTheInitialDelayOfBothChecks() {
        var stop = new StopSignal();
        var readiness = new ScriptedChecker("P");
        var health = new ScriptedChecker("F");
        long start = System.nanoTime();

        assertThat(runner.awaitReady(spec(3, 10, 60_000), readiness, stop, true)).isEqualTo(ReadinessOutcome.ready());
        assertThat(runner.watchHealth(spec(1, 10, 60_000), health, stop, true, result -> { }))
                .isEqualTo(HealthOutcome.unhealthy("failure 1"));
        assertThat(System.nanoTime() - start).isLessThan(TimeUnit.SECONDS.toNanos(5));
    }

    @Test
    void theHealthCheckWaitsForItsInitialDelayUnlessTold() {
        var checker = new ScriptedChecker("F");
        long start = System.nanoTime();

        runner.watchHealth(spec(1, 10, 120), checker, new StopSignal(), result -> { });

        assertThat(checker.runNanos().get(0) - start).isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(120));
    }

    static Stream<Arguments> waits() {
        BiFunction<CheckRunner, StopSignal, Object> readinessDelay = (runner, stop) ->
                runner.awaitReady(spec(3, 10, 60_000), new ScriptedChecker("F"), stop, false);
        BiFunction<CheckRunner, StopSignal, Object> readinessInterval = (runner, stop) ->
                runner.awaitReady(spec(3, 60_000, 0), new ScriptedChecker("F"), stop, false);
        BiFunction<CheckRunner, StopSignal, Object> healthDelay = (runner, stop) ->
                runner.watchHealth(spec(3, 10, 60_000), new ScriptedChecker("P"), stop, result -> { });
        BiFunction<CheckRunner, StopSignal, Object> healthInterval = (runner, stop) ->
                runner.watchHealth(spec(3, 60_000, 0), new ScriptedChecker("P"), stop, result -> { });
        return Stream.of(
                arguments("readiness waiting out its initial delay", readinessDelay, ReadinessOutcome.stopRequested()),
                arguments("readiness waiting between runs", readinessInterval, ReadinessOutcome.stopRequested()),
                arguments("health waiting out its initial delay", healthDelay, HealthOutcome.stopRequested()),
                arguments("health waiting between runs", healthInterval, HealthOutcome.stopRequested()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("waits")
    void aTrippedStopSignalEndsAWaitWithin100Milliseconds(String name,
                                                          BiFunction<CheckRunner, StopSignal, Object> waiting,
                                                          Object stopped) throws Exception {
        var stop = new StopSignal();
        var returned = new AtomicLong();
        Future<Object> outcome = background.submit(() -> {
            Object result = waiting.apply(runner, stop);
            returned.set(System.nanoTime());
            return result;
        });
        await().atMost(5, TimeUnit.SECONDS)
                .until(() -> worker.get() != null && worker.get().getState() == Thread.State.TIMED_WAITING);

        long tripped = System.nanoTime();
        stop.trip();

        assertThat(outcome.get(5, TimeUnit.SECONDS)).isEqualTo(stopped);
        assertThat(returned.get() - tripped).isLessThan(TimeUnit.MILLISECONDS.toNanos(100));
    }

    @Test
    void aSignalTrippedBeforehandStopsTheChecksBeforeAnyRun() {
        var stop = new StopSignal();
        stop.trip();
        var checker = new ScriptedChecker("P");

        assertThat(runner.awaitReady(spec(3, 10, 0), checker, stop, true)).isEqualTo(ReadinessOutcome.stopRequested());
        assertThat(runner.watchHealth(spec(3, 10, 0), checker, stop, true, result -> { }))
                .isEqualTo(HealthOutcome.stopRequested());
        assertThat(checker.runs()).isZero();
    }

    @Test
    void anInterruptedCallerStopsWaitingAndKeepsItsInterruptFlag() {
        var checker = new ScriptedChecker("F");
        Thread.currentThread().interrupt();
        try {
            assertThat(runner.awaitReady(spec(3, 60_000, 0), checker, new StopSignal(), false))
                    .isEqualTo(ReadinessOutcome.stopRequested());
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
            assertThat(checker.runs()).isEqualTo(1);
        } finally {
            Thread.interrupted();
        }
    }

    private static CheckSpec spec(int attempts, long intervalMillis, long initialDelayMillis) {
        return new CheckSpec(new CmdCheckModeSpec("check health", false), Duration.seconds(1),
                Duration.milliseconds(intervalMillis), attempts, Duration.milliseconds(initialDelayMillis));
    }
}
