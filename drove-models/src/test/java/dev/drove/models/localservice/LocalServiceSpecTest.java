package dev.drove.models.localservice;

import dev.drove.models.application.TestSpecs;
import dev.drove.models.application.placement.LocalPlacement;
import dev.drove.models.json.Json;
import dev.drove.models.validation.ContractReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;

class LocalServiceSpecTest {

    @Test
    void aSpecWithoutPlacementIsPlacedLocallyAndValid() throws Exception {
        var tree = (com.fasterxml.jackson.databind.node.ObjectNode) Json.mapper()
                .valueToTree(TestSpecs.localService());
        tree.remove("placementPolicy");

        var reading = ContractReader.standard().read(tree, LocalServiceSpec.class);

        assertThat(reading.report().errors()).isEmpty();
        assertThat(reading.orThrow().placementPolicy()).isEqualTo(new LocalPlacement(false));
    }

    @Test
    void theServiceIdIsNameDashVersion() {
        assertThat(TestSpecs.localService().serviceId()).isEqualTo("agent-2");
    }

    @Test
    void aLocalServiceSpecHasNoExposureSpec() {
        assertThat(LocalServiceSpec.class.getRecordComponents())
                .extracting(java.lang.reflect.RecordComponent::getName)
                .doesNotContain("exposureSpec")
                .contains("name", "version", "exposedPorts", "healthcheck", "readiness", "preShutdown");
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(LocalServiceState.class)
    void onlyDestroyedIsTerminal(LocalServiceState state) {
        assertThat(state.isTerminal()).isEqualTo(state == LocalServiceState.DESTROYED);
    }
}
