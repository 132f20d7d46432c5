package dev.drove.models.application;

import dev.drove.models.application.exposure.ExposureMode;
import dev.drove.models.application.exposure.ExposureSpec;
import dev.drove.models.application.logging.LocalLoggingSpec;
import dev.drove.models.application.placement.AnyPlacement;
import dev.drove.models.json.Json;
import dev.drove.models.validation.ContractReader;
import io.dropwizard.util.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.ArrayList;
import java.util.EnumSet;

import static org.assertj.core.api.Assertions.assertThat;

class ApplicationSpecTest {

    @Test
    void theAppIdIsNameDashVersion() {
        assertThat(TestSpecs.application().appId()).isEqualTo("billing-1");
        assertThat(ApplicationSpec.appId("TEST_APP", "3")).isEqualTo("TEST_APP-3");
    }

    @Test
    void absentOptionalPartsGetTheDocumentedDefaults() {
        var spec = TestSpecs.application();

        assertThat(spec.placementPolicy()).isEqualTo(new AnyPlacement());
        assertThat(spec.logging()).isEqualTo(new LocalLoggingSpec("10m", 3, true));
        assertThat(spec.preShutdown().hooks()).isEmpty();
        assertThat(spec.preShutdown().waitBeforeKill()).isEqualTo(Duration.seconds(0));
        assertThat(spec.volumes()).isEmpty();
        assertThat(spec.configs()).isEmpty();
        assertThat(spec.env()).isEmpty();
        assertThat(spec.args()).isEmpty();
        assertThat(spec.healthcheck().initialDelay()).isEqualTo(Duration.seconds(0));
        assertThat(((dev.drove.models.application.executable.DockerCoordinates) spec.executable())
                .dockerPullTimeout()).isEqualTo(Duration.minutes(15));
    }

    @Test
    void aSpecWritesOnlyItsDocumentedFields() {
        var tree = Json.mapper().valueToTree(TestSpecs.application());
        var fields = new ArrayList<String>();
        tree.fieldNames().forEachRemaining(fields::add);

        assertThat(fields).containsExactlyInAnyOrder("name", "version", "executable", "exposedPorts", "volumes",
                "configs", "type", "logging", "resources", "placementPolicy", "healthcheck", "readiness", "tags",
                "env", "args", "devices", "exposureSpec", "preShutdown");
    }

    @Test
    void theExposureSpecAcceptsPortAsTheDocsSampleSpellsItAndWritesPortName() throws Exception {
        var reading = ContractReader.standard().read("{\"vhost\": \"a.local\", \"port\": \"main\"}",
                ExposureSpec.class);

        assertThat(reading.orThrow()).isEqualTo(new ExposureSpec("a.local", "main", ExposureMode.ALL));
        assertThat(reading.report().warnings()).isEmpty();
        assertThat(Json.mapper().writeValueAsString(reading.orThrow()))
                .isEqualTo("{\"vhost\":\"a.local\",\"portName\":\"main\",\"mode\":\"ALL\"}");
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(ApplicationState.class)
    void onlyDestroyedAndFailedAreTerminal(ApplicationState state) {
        assertThat(state.isTerminal())
                .isEqualTo(EnumSet.of(ApplicationState.DESTROYED, ApplicationState.FAILED).contains(state));
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(ApplicationState.class)
    void theActiveStatesAreThoseWithRunningOrChangingInstances(ApplicationState state) {
        var active = EnumSet.of(ApplicationState.RUNNING, ApplicationState.OUTAGE_DETECTED,
                ApplicationState.SCALING_REQUESTED, ApplicationState.STOP_INSTANCES_REQUESTED,
                ApplicationState.REPLACE_INSTANCES_REQUESTED, ApplicationState.DESTROY_REQUESTED);

        assertThat(state.isActive()).isEqualTo(active.contains(state));
        assertThat(state.isActive() && state.isTerminal()).isFalse();
    }
}
