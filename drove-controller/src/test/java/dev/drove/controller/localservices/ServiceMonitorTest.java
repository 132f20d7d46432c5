package dev.drove.controller.localservices;

import dev.drove.models.instance.LocalServiceInstanceInfo;
import dev.drove.models.instance.LocalServiceInstanceState;
import dev.drove.models.localservice.ActivationState;
import dev.drove.models.operation.LocalServiceOperation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static dev.drove.controller.localservices.TestServices.SERVICE_ID;
import static dev.drove.models.instance.LocalServiceInstanceState.HEALTHY;
import static dev.drove.models.instance.LocalServiceInstanceState.PENDING;
import static dev.drove.models.instance.LocalServiceInstanceState.STOPPED;
import static dev.drove.models.instance.LocalServiceInstanceState.UNHEALTHY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** What the monitor does for a service that runs no operation, on eligible executors e1 and e2. */
class ServiceMonitorTest {
    private static final List<String> ELIGIBLE = List.of("e1", "e2");
    private static final String NOTHING = "nothing";

    static Stream<Arguments> rows() {
        return Stream.of(
                row("ACTIVE with its count everywhere needs nothing", ActivationState.ACTIVE, 1,
                        List.of(on("e1", HEALTHY), on("e2", HEALTHY)), NOTHING),
                row("ACTIVE counts instances still starting", ActivationState.ACTIVE, 1,
                        List.of(on("e1", HEALTHY), on("e2", PENDING)), NOTHING),
                row("ACTIVE with an executor that joined adjusts", ActivationState.ACTIVE, 1,
                        List.of(on("e1", HEALTHY)), "ADJUST_INSTANCES"),
                row("ACTIVE with a stopped instance adjusts", ActivationState.ACTIVE, 1,
                        List.of(on("e1", HEALTHY), on("e2", STOPPED)), "ADJUST_INSTANCES"),
                row("ACTIVE with an extra instance adjusts", ActivationState.ACTIVE, 1,
                        List.of(on("e1", HEALTHY), on("e2", HEALTHY), on("e2", HEALTHY)), "ADJUST_INSTANCES"),
                row("ACTIVE with an UNHEALTHY instance adjusts", ActivationState.ACTIVE, 2,
                        List.of(on("e1", HEALTHY), on("e1", HEALTHY), on("e2", HEALTHY), on("e2", HEALTHY),
                                on("e2", UNHEALTHY)), "ADJUST_INSTANCES"),
                row("ACTIVE ignores instances on executors that are not eligible", ActivationState.ACTIVE, 1,
                        List.of(on("e1", HEALTHY), on("e2", HEALTHY), on("blacklisted", HEALTHY)), NOTHING),
                row("CONFIG_TESTING with its one test instance needs nothing", ActivationState.CONFIG_TESTING, 3,
                        List.of(on("e2", HEALTHY)), NOTHING),
                row("CONFIG_TESTING without a test instance adjusts", ActivationState.CONFIG_TESTING, 3,
                        List.of(on("e2", STOPPED)), "ADJUST_INSTANCES"),
                row("INACTIVE without instances needs nothing", ActivationState.INACTIVE, 1,
                        List.of(on("e1", STOPPED)), NOTHING),
                row("INACTIVE still running instances deactivates", ActivationState.INACTIVE, 1,
                        List.of(on("e1", HEALTHY)), "DEACTIVATE"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void theMonitorRepairsOnlyServicesWhoseInstancesAreOff(String name, ActivationState activation,
                                                           int instancesPerHost,
                                                           List<LocalServiceInstanceInfo> instances,
                                                           String expected) {
        var repair = ServiceMonitor.repair(TestServices.info(activation, instancesPerHost),
                new ServiceInstances(instances), ELIGIBLE);
        assertThat(repair.map(LocalServiceOperation::operationType).map(Enum::name).orElse(NOTHING))
                .isEqualTo(expected);
        repair.ifPresent(op -> assertThat(op.serviceId()).isEqualTo(SERVICE_ID));
    }

    @Test
    void extrasAreTheOldestBeyondTheCountOnEachExecutorAndTheUnhealthyOnes() {
        var oldest = on("e1", HEALTHY, 1);
        var newer = on("e1", HEALTHY, 2);
        var sick = on("e2", UNHEALTHY, 3);
        var extras = ServiceRunner.extras(TestServices.info(ActivationState.ACTIVE, 1),
                new ServiceInstances(List.of(oldest, newer, sick, on("e2", HEALTHY, 4))), ELIGIBLE);
        assertThat(extras).containsExactly(oldest, sick);
    }

    private static LocalServiceInstanceInfo on(String executorId, LocalServiceInstanceState state) {
        return on(executorId, state, 1);
    }

    private static LocalServiceInstanceInfo on(String executorId, LocalServiceInstanceState state, long created) {
        return new LocalServiceInstanceInfo(SERVICE_ID, TestServices.NAME, "SI-" + executorId + "-" + state + created
                + "-" + System.nanoTime(), executorId, null, List.of(), state, Map.of(), "", new Date(created),
                new Date(created));
    }

    private static Arguments row(String name, ActivationState activation, int instancesPerHost,
                                 List<LocalServiceInstanceInfo> instances, String expected) {
        return arguments(name, activation, instancesPerHost, instances, expected);
    }
}
