package dev.drove.controller.statemachine.app;

import dev.drove.models.application.ApplicationState;
import dev.drove.models.operation.ApplicationOperationType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Set;
import java.util.stream.Stream;

import static dev.drove.models.application.ApplicationState.DESTROY_REQUESTED;
import static dev.drove.models.application.ApplicationState.MONITORING;
import static dev.drove.models.application.ApplicationState.REPLACE_INSTANCES_REQUESTED;
import static dev.drove.models.application.ApplicationState.RUNNING;
import static dev.drove.models.application.ApplicationState.SCALING_REQUESTED;
import static dev.drove.models.application.ApplicationState.STOP_INSTANCES_REQUESTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** Each operation's preconditions and state transition, as applications/operations.md states them. */
class ApplicationOperationRulesTest {

    static Stream<Arguments> rules() {
        return Stream.of(
                arguments(ApplicationOperationType.DESTROY, Set.of(MONITORING), DESTROY_REQUESTED),
                arguments(ApplicationOperationType.START_INSTANCES, Set.of(MONITORING, RUNNING), SCALING_REQUESTED),
                arguments(ApplicationOperationType.SCALE_INSTANCES, Set.of(MONITORING, RUNNING), SCALING_REQUESTED),
                arguments(ApplicationOperationType.SUSPEND, Set.of(MONITORING, RUNNING), SCALING_REQUESTED),
                arguments(ApplicationOperationType.STOP_INSTANCES, Set.of(RUNNING), STOP_INSTANCES_REQUESTED),
                arguments(ApplicationOperationType.REPLACE_INSTANCES, Set.of(RUNNING), REPLACE_INSTANCES_REQUESTED));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void anOperationIsAcceptedOnlyInItsDocumentedStates(ApplicationOperationType type,
                                                        Set<ApplicationState> acceptedIn,
                                                        ApplicationState worksIn) {
        assertThat(ApplicationOperationRules.acceptedIn(type)).isEqualTo(acceptedIn);
        assertThat(ApplicationOperationRules.worksIn(type)).contains(worksIn);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void theStateMachineAllowsTheMoveFromEveryAcceptingState(ApplicationOperationType type,
                                                            Set<ApplicationState> acceptedIn,
                                                            ApplicationState worksIn) {
        assertThat(acceptedIn).allMatch(from -> ApplicationStateMachine.TABLE.allows(from, worksIn));
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = ApplicationOperationType.class, names = {"CREATE", "RECOVER"})
    void createAndRecoverAreAcceptedInNoState(ApplicationOperationType type) {
        assertThat(ApplicationOperationRules.acceptedIn(type)).isEmpty();
        assertThat(ApplicationOperationRules.worksIn(type)).isEmpty();
    }
}
