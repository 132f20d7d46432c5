package dev.drove.models.instance;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Arrays;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class InstanceStateTest {
    private static final boolean T = true;
    private static final boolean F = false;

    /** State, terminal, error, active, running: contract §2.9 and the original's sets. */
    static Stream<Arguments> states() {
        return Stream.of(
                arguments("PENDING", F, F, T, F),
                arguments("PROVISIONING", F, F, T, F),
                arguments("PROVISIONING_FAILED", F, T, F, F),
                arguments("STARTING", F, F, T, F),
                arguments("START_FAILED", F, T, F, F),
                arguments("UNREADY", F, F, T, T),
                arguments("READINESS_CHECK_FAILED", F, T, F, F),
                arguments("READY", F, F, T, T),
                arguments("HEALTHY", F, F, T, T),
                arguments("UNHEALTHY", F, F, T, F),
                arguments("DEPROVISIONING", F, F, T, F),
                arguments("STOPPING", F, F, T, F),
                arguments("STOPPED", T, F, F, F),
                arguments("LOST", T, F, F, F),
                arguments("UNKNOWN", F, F, F, F));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("states")
    void anInstanceStateIsTerminalErrorActiveAndRunningAsTheContractSays(
            String name, boolean terminal, boolean error, boolean active, boolean running) {
        var state = InstanceState.valueOf(name);

        assertThat(state.isTerminal()).as("terminal").isEqualTo(terminal);
        assertThat(state.isError()).as("error").isEqualTo(error);
        assertThat(InstanceState.ACTIVE_STATES.contains(state)).as("active").isEqualTo(active);
        assertThat(InstanceState.RUNNING_STATES.contains(state)).as("running").isEqualTo(running);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("states")
    void aLocalServiceInstanceStateBehavesLikeTheInstanceStateOfTheSameName(
            String name, boolean terminal, boolean error, boolean active, boolean running) {
        var state = LocalServiceInstanceState.valueOf(name);

        assertThat(state.isTerminal()).as("terminal").isEqualTo(terminal);
        assertThat(state.isError()).as("error").isEqualTo(error);
        assertThat(LocalServiceInstanceState.ACTIVE_STATES.contains(state)).as("active").isEqualTo(active);
        assertThat(LocalServiceInstanceState.RUNNING_STATES.contains(state)).as("running").isEqualTo(running);
    }

    @Test
    void theTableCoversEveryStateOfBothEnumsInTheirOrder() {
        var names = states().map(row -> (String) row.get()[0]).toList();

        assertThat(Arrays.stream(InstanceState.values()).map(Enum::name)).containsExactlyElementsOf(names);
        assertThat(Arrays.stream(LocalServiceInstanceState.values()).map(Enum::name)).containsExactlyElementsOf(names);
    }

    @Test
    void noStateIsBothTerminalAndActive() {
        assertThat(InstanceState.ACTIVE_STATES).noneMatch(InstanceState::isTerminal);
        assertThat(InstanceState.ACTIVE_STATES).containsAll(InstanceState.RUNNING_STATES);
    }
}
