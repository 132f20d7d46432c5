package dev.drove.controller.localservices;

import dev.drove.models.localservice.ActivationState;
import dev.drove.models.localservice.LocalServiceState;
import dev.drove.models.operation.LocalServiceOperationType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Stream;

import static dev.drove.models.localservice.LocalServiceState.ACTIVE;
import static dev.drove.models.localservice.LocalServiceState.CONFIG_TESTING;
import static dev.drove.models.localservice.LocalServiceState.INACTIVE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** Every operation against every resting state of a local service. */
class ServiceOperationRulesTest {

    static Stream<Arguments> rows() {
        return Stream.of(
                arguments(LocalServiceOperationType.CREATE, Set.of(), LocalServiceState.INIT),
                arguments(LocalServiceOperationType.ACTIVATE, Set.of(INACTIVE, CONFIG_TESTING),
                        LocalServiceState.ACTIVATION_REQUESTED),
                arguments(LocalServiceOperationType.DEACTIVATE, Set.of(ACTIVE, CONFIG_TESTING),
                        LocalServiceState.DEACTIVATION_REQUESTED),
                arguments(LocalServiceOperationType.DEPLOY_TEST_INSTANCE, Set.of(INACTIVE, CONFIG_TESTING),
                        LocalServiceState.CONFIG_TESTING_REQUESTED),
                arguments(LocalServiceOperationType.ADJUST_INSTANCES, Set.of(ACTIVE, CONFIG_TESTING),
                        LocalServiceState.ADJUSTING_INSTANCES),
                arguments(LocalServiceOperationType.UPDATE_INSTANCE_COUNT, Set.of(ACTIVE, INACTIVE, CONFIG_TESTING),
                        LocalServiceState.UPDATING_INSTANCES_COUNT),
                arguments(LocalServiceOperationType.REPLACE_INSTANCES, Set.of(ACTIVE, CONFIG_TESTING),
                        LocalServiceState.REPLACING_INSTANCES),
                arguments(LocalServiceOperationType.RESTART, Set.of(ACTIVE, CONFIG_TESTING),
                        LocalServiceState.REPLACING_INSTANCES),
                arguments(LocalServiceOperationType.STOP_INSTANCES, Set.of(ACTIVE, CONFIG_TESTING),
                        LocalServiceState.STOPPING_INSTANCES),
                arguments(LocalServiceOperationType.DESTROY, Set.of(INACTIVE), LocalServiceState.DESTROY_REQUESTED));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void eachOperationIsAcceptedInItsRestingStatesOnlyAndShowsItsWorkingState(
            LocalServiceOperationType type, Set<LocalServiceState> accepted, LocalServiceState working) {
        for (var resting : EnumSet.of(INACTIVE, ACTIVE, CONFIG_TESTING)) {
            assertThat(ServiceOperationRules.accepts(type, resting)).as("%s in %s", type, resting)
                    .isEqualTo(accepted.contains(resting));
        }
        assertThat(ServiceOperationRules.workingState(type)).isEqualTo(working);
    }

    @Test
    void everyOperationTypeHasARow() {
        assertThat(rows().map(row -> row.get()[0])).containsExactlyInAnyOrder(
                (Object[]) LocalServiceOperationType.values());
    }

    @Test
    void aServiceRestsInTheStateOfItsActivation() {
        assertThat(ServiceOperationRules.restingState(ActivationState.ACTIVE)).isEqualTo(ACTIVE);
        assertThat(ServiceOperationRules.restingState(ActivationState.INACTIVE)).isEqualTo(INACTIVE);
        assertThat(ServiceOperationRules.restingState(ActivationState.CONFIG_TESTING)).isEqualTo(CONFIG_TESTING);
    }
}
