package dev.drove.common.messages;

import dev.drove.models.json.Json;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Instance specs built from the specs of the docs, and what they show in logs. */
class InstanceSpecTest {

    @Test
    void anApplicationInstanceCarriesTheSpecsContainerPartsAndTheControllersDecisions() {
        var spec = SampleMessages.applicationSpec();

        var instance = SampleMessages.applicationInstance();

        assertThat(instance.appId()).isEqualTo("billing-1");
        assertThat(instance.appName()).isEqualTo("billing");
        assertThat(instance.instanceId()).isEqualTo("AI-1");
        assertThat(instance.resources()).isEqualTo(SampleMessages.PINNED);
        assertThat(instance.ports()).isEqualTo(spec.exposedPorts());
        assertThat(instance.healthcheck()).isEqualTo(spec.healthcheck());
        assertThat(instance.preShutdown()).isEqualTo(spec.preShutdown());
        assertThat(instance.loggingSpec()).isEqualTo(spec.logging());
        assertThat(instance.env()).containsEntry("MODE", "live");
        assertThat(instance.instanceAuthToken()).isEqualTo("jwt.token.value");
    }

    @Test
    void aLocalServiceInstanceIsHostLevelOnlyWhenItsPlacementSaysSo() {
        var hostLevel = LocalServiceInstanceSpec.from(SampleMessages.localServiceSpec(true), "SI-1",
                SampleMessages.PINNED, java.util.List.of(), null);
        var perInstance = LocalServiceInstanceSpec.from(SampleMessages.localServiceSpec(false), "SI-2",
                SampleMessages.PINNED, java.util.List.of(), null);

        assertThat(hostLevel.hostLevelInstance()).isTrue();
        assertThat(perInstance.hostLevelInstance()).isFalse();
        assertThat(hostLevel.serviceId()).isEqualTo("agent-2");
        assertThat(hostLevel.serviceName()).isEqualTo("agent");
    }

    @Test
    void aTaskInstanceNamesItsTaskAndSourceApplication() {
        var task = SampleMessages.taskInstance();

        assertThat(task.taskId()).isEqualTo("T0012");
        assertThat(task.sourceAppName()).isEqualTo("billing");
        assertThat(task.args()).containsExactly("--dry-run");
    }

    @Test
    void absentListsAndDefaultsReadAsEmptyAndDefault() throws Exception {
        var json = "{\"appId\": \"a-1\", \"instanceId\": \"AI-9\", "
                + "\"executable\": {\"type\": \"DOCKER\", \"url\": \"drove-test/app\"}}";

        var read = Json.mapper().readValue(json, ApplicationInstanceSpec.class);

        assertThat(read.ports()).isEmpty();
        assertThat(read.configs()).isEmpty();
        assertThat(read.env()).isEmpty();
        assertThat(read.loggingSpec()).isNotNull();
        assertThat(read.preShutdown().hooks()).isEmpty();
    }

    @Test
    void aSpecWithoutAnInstanceIdIsABug() {
        var spec = SampleMessages.applicationSpec();

        assertThatThrownBy(() -> ApplicationInstanceSpec.from(spec, null, SampleMessages.PINNED, spec.configs(), null))
                .hasMessageContaining("instanceId");
    }

    @Test
    void theLogTextOfASpecShowsNeitherTheTokenNorTheConfigs() {
        assertThat(SampleMessages.applicationInstance().toString()).contains("AI-1").doesNotContain("jwt")
                .doesNotContain("port: 8000");
        assertThat(SampleMessages.localServiceInstance().toString()).contains("SI-1").doesNotContain("jwt");
        assertThat(SampleMessages.taskInstance().toString()).contains("TI-1").doesNotContain("jwt");
    }
}
