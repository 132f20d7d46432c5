package dev.drove.common.statemachine;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TransitionTableTest {
    enum Light { RED, GREEN, AMBER, OFF }

    private static final TransitionTable<Light> LIGHTS = TransitionTable.of(Light.class)
            .from(Light.RED).to(Light.GREEN, Light.OFF)
            .from(Light.GREEN).to(Light.AMBER, Light.OFF)
            .from(Light.AMBER).to(Light.RED, Light.OFF)
            .terminal(Light.OFF)
            .build();

    @Test
    void aMappedTransitionIsAllowedAndReturnedByCheck() {
        assertThat(LIGHTS.allows(Light.RED, Light.GREEN)).isTrue();
        assertThat(LIGHTS.check(Light.GREEN, Light.AMBER)).isEqualTo(Light.AMBER);
    }

    @Test
    void anIllegalTransitionThrowsNamingBothStates() {
        assertThatThrownBy(() -> LIGHTS.check(Light.RED, Light.AMBER))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("RED -> AMBER");
    }

    @Test
    void terminalStatesHaveNoWayOut() {
        assertThat(LIGHTS.isTerminal(Light.OFF)).isTrue();
        assertThat(LIGHTS.nextStates(Light.OFF)).isEmpty();
        assertThat(LIGHTS.allows(Light.OFF, Light.RED)).isFalse();
    }

    @Test
    void buildFailsWhenAStateIsNeitherMappedNorTerminal() {
        assertThatThrownBy(() -> TransitionTable.of(Light.class)
                .from(Light.RED).to(Light.GREEN)
                .terminal(Light.OFF)
                .build())
                .hasMessageContaining("GREEN has no transitions and is not terminal");
    }

    @Test
    void buildFailsWhenATerminalStateAlsoHasTransitions() {
        assertThatThrownBy(() -> TransitionTable.of(Light.class)
                .from(Light.RED).to(Light.GREEN)
                .from(Light.GREEN).to(Light.AMBER)
                .from(Light.AMBER).to(Light.RED)
                .from(Light.OFF).to(Light.RED)
                .terminal(Light.OFF)
                .build())
                .hasMessageContaining("OFF is terminal but has transitions");
    }
}
