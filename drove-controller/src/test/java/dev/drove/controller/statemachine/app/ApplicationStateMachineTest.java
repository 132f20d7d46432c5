package dev.drove.controller.statemachine.app;

import dev.drove.models.application.ApplicationState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Stream;

import static dev.drove.models.application.ApplicationState.DESTROYED;
import static dev.drove.models.application.ApplicationState.DESTROY_REQUESTED;
import static dev.drove.models.application.ApplicationState.FAILED;
import static dev.drove.models.application.ApplicationState.INIT;
import static dev.drove.models.application.ApplicationState.MONITORING;
import static dev.drove.models.application.ApplicationState.OUTAGE_DETECTED;
import static dev.drove.models.application.ApplicationState.REPLACE_INSTANCES_REQUESTED;
import static dev.drove.models.application.ApplicationState.RUNNING;
import static dev.drove.models.application.ApplicationState.SCALING_REQUESTED;
import static dev.drove.models.application.ApplicationState.STOP_INSTANCES_REQUESTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** The application state machine is the docs' diagram (images/app-state-machine.png), edge for edge. */
class ApplicationStateMachineTest {

    /** Every arrow of the picture, named by its label, plus INIT's exit to FAILED. */
    static Stream<Arguments> edges() {
        return Stream.of(
                arguments("validation complete", INIT, MONITORING),
                arguments("create cannot complete", INIT, FAILED),
                arguments("START_INSTANCES from MONITORING", MONITORING, SCALING_REQUESTED),
                arguments("DESTROY", MONITORING, DESTROY_REQUESTED),
                arguments("SUSPEND/SCALE_INSTANCES/START_INSTANCES", RUNNING, SCALING_REQUESTED),
                arguments("STOP_INSTANCES", RUNNING, STOP_INSTANCES_REQUESTED),
                arguments("REPLACE_INSTANCES", RUNNING, REPLACE_INSTANCES_REQUESTED),
                arguments("required instances not present", RUNNING, OUTAGE_DETECTED),
                arguments("deduce delta", OUTAGE_DETECTED, SCALING_REQUESTED),
                arguments("non-zero instances == required", SCALING_REQUESTED, RUNNING),
                arguments("zero instances", SCALING_REQUESTED, MONITORING),
                arguments("stopped but non-zero instances", STOP_INSTANCES_REQUESTED, RUNNING),
                arguments("stopped and became 0", STOP_INSTANCES_REQUESTED, MONITORING),
                arguments("restart completed", REPLACE_INSTANCES_REQUESTED, RUNNING),
                arguments("delete app data", DESTROY_REQUESTED, DESTROYED));
    }

    @ParameterizedTest(name = "{0}: {1} -> {2}")
    @MethodSource("edges")
    void everyArrowOfTheDiagramIsAllowed(String label, ApplicationState from, ApplicationState to) {
        assertThat(ApplicationStateMachine.TABLE.allows(from, to)).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(ApplicationState.class)
    void noStateHasMovesBeyondTheDiagram(ApplicationState from) {
        var drawn = EnumSet.noneOf(ApplicationState.class);
        edges().map(Arguments::get).filter(row -> row[1] == from).forEach(row -> drawn.add((ApplicationState) row[2]));
        assertThat(ApplicationStateMachine.TABLE.nextStates(from)).isEqualTo(drawn);
    }

    static Stream<Arguments> forbidden() {
        return Stream.of(
                arguments("destroying a running app", RUNNING, DESTROY_REQUESTED),
                arguments("replacing without instances", MONITORING, REPLACE_INSTANCES_REQUESTED),
                arguments("stopping instances of an app without any", MONITORING, STOP_INSTANCES_REQUESTED),
                arguments("an outage straight back to running", OUTAGE_DETECTED, RUNNING),
                arguments("a restart ending without instances", REPLACE_INSTANCES_REQUESTED, MONITORING),
                arguments("coming back from DESTROYED", DESTROYED, MONITORING),
                arguments("coming back from FAILED", FAILED, INIT));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("forbidden")
    void anIllegalMoveThrowsNamingBothStates(String name, ApplicationState from, ApplicationState to) {
        assertThatThrownBy(() -> ApplicationStateMachine.TABLE.check(from, to))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(from + " -> " + to);
    }

    @Test
    void onlyDestroyedAndFailedAreTerminal() {
        assertThat(EnumSet.allOf(ApplicationState.class).stream().filter(ApplicationStateMachine.TABLE::isTerminal))
                .containsExactlyInAnyOrder(DESTROYED, FAILED);
    }

    static Stream<Arguments> restingStates() {
        return Stream.of(
                arguments("a scale to some instances ends RUNNING", SCALING_REQUESTED, 3, RUNNING),
                arguments("a scale to zero ends MONITORING", SCALING_REQUESTED, 0, MONITORING),
                arguments("stopping the last instance ends MONITORING", STOP_INSTANCES_REQUESTED, 0, MONITORING),
                arguments("stopping some instances ends RUNNING", STOP_INSTANCES_REQUESTED, 2, RUNNING),
                arguments("a restart ends RUNNING", REPLACE_INSTANCES_REQUESTED, 2, RUNNING),
                arguments("a created app rests in MONITORING", INIT, 0, MONITORING),
                arguments("an outage with instances expected ends RUNNING", OUTAGE_DETECTED, 2, RUNNING),
                arguments("RUNNING stays", RUNNING, 2, RUNNING),
                arguments("MONITORING stays", MONITORING, 0, MONITORING));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("restingStates")
    void aFinishedOperationLeavesTheAppInItsRestingState(String name, ApplicationState from, long expected,
                                                          ApplicationState resting) {
        assertThat(ApplicationStateMachine.restingState(from, expected)).isEqualTo(resting);
        assertThat(Set.of(MONITORING, RUNNING)).contains(resting);
    }
}
