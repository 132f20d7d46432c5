package dev.drove.executor.instances;

import dev.drove.executor.engine.EngineWatch;
import dev.drove.models.instance.InstanceState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.drove.models.instance.InstanceState.DEPROVISIONING;
import static dev.drove.models.instance.InstanceState.HEALTHY;
import static dev.drove.models.instance.InstanceState.PENDING;
import static dev.drove.models.instance.InstanceState.PROVISIONING;
import static dev.drove.models.instance.InstanceState.STOPPED;
import static dev.drove.models.instance.InstanceState.STOPPING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The loop on the test's thread with scripted steps: every move is checked, applied, reported; nothing hangs. */
class InstanceMachineTest {
    private final List<String> reported = new ArrayList<>();

    @Test
    void movesAreAppliedAndReportedInOrderAndOnlyTheLastIsTerminal() {
        ServiceInstance instance = instance(PENDING);
        Map<InstanceState, InstanceStep> steps = new EnumMap<>(InstanceState.class);
        steps.put(PENDING, any -> Move.to(PROVISIONING));
        steps.put(PROVISIONING, any -> Move.failed(InstanceState.PROVISIONING_FAILED, "no image"));
        steps.put(InstanceState.PROVISIONING_FAILED, any -> Move.to(DEPROVISIONING));
        steps.put(DEPROVISIONING, any -> Move.to(STOPPED));

        machine(instance, steps).run();

        assertThat(reported).containsExactly("PROVISIONING", "PROVISIONING_FAILED: no image",
                "DEPROVISIONING: no image", "STOPPED: no image (terminal)");
    }

    @Test
    void anIllegalMoveIsABugAndTheInstanceTakesItsFailurePathInstead() {
        ServiceInstance instance = instance(PENDING);
        Map<InstanceState, InstanceStep> steps = drainingSteps();
        steps.put(PENDING, any -> Move.to(HEALTHY));

        machine(instance, steps).run();

        assertThat(reported.get(0)).startsWith("STOPPING: Failed in PENDING: Illegal InstanceState transition "
                + "PENDING -> HEALTHY");
        assertThat(instance.state()).isEqualTo(STOPPED);
    }

    @ParameterizedTest(name = "{0} fails into {1}")
    @CsvSource({
            "PENDING, STOPPING",
            "PROVISIONING, PROVISIONING_FAILED",
            "STARTING, START_FAILED",
            "UNREADY, READINESS_CHECK_FAILED",
            "READY, STOPPING",
            "HEALTHY, STOPPING",
            "STOPPING, DEPROVISIONING",
            "DEPROVISIONING, STOPPED",
            "UNKNOWN, LOST",
    })
    void aStepThatThrowsMovesToTheFirstFailureStateTheTableAllows(InstanceState failing, InstanceState expected) {
        ServiceInstance instance = instance(failing);
        Map<InstanceState, InstanceStep> steps = drainingSteps();
        steps.put(failing, any -> {
            throw new IllegalStateException("engine down");
        });

        machine(instance, steps).run();

        assertThat(reported.get(0)).isEqualTo(expected + ": Failed in " + failing + ": engine down"
                + (Lifecycles.INSTANCE.isTerminal(expected) ? " (terminal)" : ""));
        assertThat(Lifecycles.INSTANCE.isTerminal(instance.state())).isTrue();
    }

    @Test
    void aDetachedMachineNeitherMovesNorReports() {
        ServiceInstance instance = instance(PENDING);
        Map<InstanceState, InstanceStep> steps = drainingSteps();
        InstanceMachine<InstanceState, ServiceInstance>[] machine = new InstanceMachine[1];
        steps.put(PENDING, any -> {
            machine[0].detach();
            return Move.to(PROVISIONING);
        });
        machine[0] = machine(instance, steps);

        machine[0].run();

        assertThat(reported).isEmpty();
        assertThat(instance.state()).isEqualTo(PENDING);
    }

    @Test
    void aStepThatFailsWhileTheEngineIsAwayRunsAgainOnceTheEngineAnswersInsteadOfFailing() {
        var engine = new ScriptedEngine();
        var watch = engine.watch();
        var hold = new EngineOutageHold(watch, Duration.ofMinutes(5));
        ServiceInstance instance = instance(HEALTHY);
        Map<InstanceState, InstanceStep> steps = drainingSteps();
        var runs = new AtomicInteger();
        steps.put(HEALTHY, any -> {
            if (runs.incrementAndGet() == 1) {
                engine.answers.set(false);
                var back = new Thread(() -> {
                    await().until(() -> !watch.isReachable());
                    engine.answers.set(true);
                    watch.check();
                });
                back.start();
                throw new IllegalStateException("Cannot exec in container: connection refused");
            }
            return Move.to(STOPPING);
        });

        heldMachine(instance, steps, hold).run();

        assertThat(runs).hasValue(2);
        assertThat(reported).containsExactly("STOPPING", "DEPROVISIONING", "STOPPED (terminal)");
    }

    @Test
    void pastTheHoldsLimitAFailureWhileTheEngineIsAwayTakesTheFailurePath() {
        var engine = new ScriptedEngine();
        engine.answers.set(false);
        var hold = new EngineOutageHold(engine.watch(), Duration.ZERO);
        ServiceInstance instance = instance(HEALTHY);
        Map<InstanceState, InstanceStep> steps = drainingSteps();
        steps.put(HEALTHY, any -> {
            throw new IllegalStateException("engine down");
        });

        heldMachine(instance, steps, hold).run();

        assertThat(reported.get(0)).isEqualTo("STOPPING: Failed in HEALTHY: engine down");
    }

    @Test
    void aStartThatFailsWhileTheEngineIsAwayIsAFailedStartAsAlways() {
        var engine = new ScriptedEngine();
        engine.answers.set(false);
        var hold = new EngineOutageHold(engine.watch(), Duration.ofMinutes(5));
        ServiceInstance instance = instance(InstanceState.STARTING);
        Map<InstanceState, InstanceStep> steps = drainingSteps();
        steps.put(InstanceState.STARTING, any -> {
            throw new IllegalStateException("engine down");
        });
        steps.put(InstanceState.START_FAILED, any -> Move.to(DEPROVISIONING));
        engine.answersAgainAfter(InstanceState.DEPROVISIONING, steps);

        heldMachine(instance, steps, hold).run();

        assertThat(reported.get(0)).isEqualTo("START_FAILED: Failed in STARTING: engine down");
        assertThat(instance.state()).isEqualTo(STOPPED);
    }

    /** An engine whose ping answers as told. */
    private static final class ScriptedEngine {
        final AtomicBoolean answers = new AtomicBoolean(true);
        private final EngineWatch watch = new EngineWatch("test", () -> {
                    if (!answers.get()) {
                        throw new IllegalStateException("Connection refused");
                    }
                });

        EngineWatch watch() {
            return watch;
        }

        /** The step of {@code state} (held) fails once while the engine is away, then the engine comes back. */
        void answersAgainAfter(InstanceState state, Map<InstanceState, InstanceStep> steps) {
            InstanceStep original = steps.get(state);
            var failed = new AtomicBoolean();
            steps.put(state, instance -> {
                if (failed.compareAndSet(false, true)) {
                    new Thread(() -> {
                        await().until(() -> !watch.isReachable());
                        answers.set(true);
                        watch.check();
                    }).start();
                    throw new IllegalStateException("Cannot remove container: connection refused");
                }
                return original.run(instance);
            });
        }
    }

    private InstanceMachine<InstanceState, ServiceInstance> heldMachine(ServiceInstance instance,
                                                                        Map<InstanceState, InstanceStep> steps,
                                                                        EngineOutageHold hold) {
        return new InstanceMachine<>(instance, Lifecycles.INSTANCE, steps, Instances.SERVICE_FAILURE_PATH,
                (moved, terminal) -> reported.add(moved.state()
                        + (moved.errorMessage().isEmpty() ? "" : ": " + moved.errorMessage())
                        + (terminal ? " (terminal)" : "")), hold, Instances.SERVICE_HELD_STATES);
    }

    /** Every state drains to a terminal one: DEPROVISIONING where allowed, else STOPPED or LOST. */
    private static Map<InstanceState, InstanceStep> drainingSteps() {
        Map<InstanceState, InstanceStep> steps = new EnumMap<>(InstanceState.class);
        for (InstanceState state : InstanceState.values()) {
            steps.put(state, any -> Move.to(List.of(STOPPING, DEPROVISIONING, STOPPED, InstanceState.LOST).stream()
                    .filter(next -> Lifecycles.INSTANCE.allows(state, next)).findFirst().orElseThrow()));
        }
        return steps;
    }

    private InstanceMachine<InstanceState, ServiceInstance> machine(ServiceInstance instance,
                                                                    Map<InstanceState, InstanceStep> steps) {
        return new InstanceMachine<>(instance, Lifecycles.INSTANCE, steps, Instances.SERVICE_FAILURE_PATH,
                (moved, terminal) -> reported.add(moved.state()
                        + (moved.errorMessage().isEmpty() ? "" : ": " + moved.errorMessage())
                        + (terminal ? " (terminal)" : "")));
    }

    private static ServiceInstance instance(InstanceState initial) {
        return new ServiceInstance(new TestSpecs.App().build(), TestExecutor.IDENTITY, initial, new Date(), false);
    }
}
