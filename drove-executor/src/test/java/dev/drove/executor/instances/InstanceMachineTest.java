package dev.drove.executor.instances;

import dev.drove.models.instance.InstanceState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.Date;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import static dev.drove.models.instance.InstanceState.DEPROVISIONING;
import static dev.drove.models.instance.InstanceState.HEALTHY;
import static dev.drove.models.instance.InstanceState.PENDING;
import static dev.drove.models.instance.InstanceState.PROVISIONING;
import static dev.drove.models.instance.InstanceState.STOPPED;
import static dev.drove.models.instance.InstanceState.STOPPING;
import static org.assertj.core.api.Assertions.assertThat;

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
