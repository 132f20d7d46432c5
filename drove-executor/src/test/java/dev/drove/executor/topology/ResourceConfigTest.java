package dev.drove.executor.topology;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.configuration.ConfigurationException;
import io.dropwizard.configuration.ConfigurationValidationException;
import io.dropwizard.configuration.ConfigurationFactory;
import io.dropwizard.configuration.DefaultConfigurationFactoryFactory;
import io.dropwizard.core.Configuration;
import io.dropwizard.jackson.Jackson;
import io.dropwizard.validation.BaseValidator;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** The {@code resources:} section binds from YAML the way Dropwizard reads the executor's config file. */
class ResourceConfigTest {

    /** The part of the executor's root config that matters here, bound exactly as Dropwizard binds the real one. */
    public static class ConfigFile extends Configuration {
        @Valid
        @NotNull
        @JsonProperty
        public ResourceConfig resources = ResourceConfig.DEFAULTS;
    }

    /** Dropwizard's own factory, which also turns on failing for unknown keys. */
    private static final ConfigurationFactory<ConfigFile> FACTORY = new DefaultConfigurationFactoryFactory<ConfigFile>()
            .create(ConfigFile.class, BaseValidator.newValidator(), Jackson.newObjectMapper(), "dw");

    private static ResourceConfig bind(String yaml) throws IOException, ConfigurationException {
        return FACTORY.build(path -> new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "executor.yml")
                .resources;
    }

    static Stream<Arguments> documentedSamples() {
        return Stream.of(
                arguments("configuration reference sample", """
                        resources:
                          osCores: [ 0, 1 ]
                          exposedMemPercentage: 60
                          disableNUMAPinning: false
                          enableNvidiaGpu: true
                        """, new ResourceConfig(Set.of(0, 1), 60, false, true, Set.of(), null)),
                arguments("resource configuration sample", """
                        resources:
                          osCores: [0,1,2,3]
                          exposedMemPercentage: 90
                        """, new ResourceConfig(Set.of(0, 1, 2, 3), 90, null, null, null, null)),
                arguments("over provisioning sample", """
                        resources:
                          exposedMemPercentage: 90
                          overProvisioning:
                            enabled: true
                            memoryMultiplier: 1
                            cpuMultiplier: 3
                        """, new ResourceConfig(null, 90, null, null, null,
                        new ResourceConfig.OverProvisioning(true, 3, 1))),
                arguments("executor setup sample", """
                        resources:
                          osCores: []
                          exposedMemPercentage: 90
                          disableNUMAPinning: true
                          overProvisioning:
                            enabled: true
                            memoryMultiplier: 10
                            cpuMultiplier: 10
                        """, new ResourceConfig(Set.of(), 90, true, false, Set.of(),
                        new ResourceConfig.OverProvisioning(true, 10, 10))),
                arguments("tags", """
                        resources:
                          tags: [gpu, staging]
                        """, new ResourceConfig(null, null, null, null, Set.of("gpu", "staging"), null)),
                arguments("no resources section", "logging:\n  level: INFO\n", ResourceConfig.DEFAULTS),
                arguments("empty resources section", "resources: {}\n", ResourceConfig.DEFAULTS),
                arguments("env variable left empty", "resources:\n  disableNUMAPinning:\n", ResourceConfig.DEFAULTS));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("documentedSamples")
    void theDocumentedSamplesBind(String sample, String yaml, ResourceConfig expected) throws Exception {
        assertThat(bind(yaml)).isEqualTo(expected);
    }

    @Test
    void anAbsentKeyTakesTheDocumentedDefault() {
        var defaults = ResourceConfig.DEFAULTS;
        assertThat(defaults.osCores()).isEmpty();
        assertThat(defaults.exposedMemPercentage()).isEqualTo(100);
        assertThat(defaults.disableNUMAPinning()).isFalse();
        assertThat(defaults.enableNvidiaGpu()).isFalse();
        assertThat(defaults.tags()).isEmpty();
        assertThat(defaults.overProvisioning().enabled()).isFalse();
        assertThat(defaults.overProvisioning().cpuMultiplier()).isEqualTo(1);
        assertThat(defaults.overProvisioning().memoryMultiplier()).isEqualTo(1);
    }

    @Test
    void osCoresAndTagsAreKeptSortedAndCannotBeChanged() {
        var config = new ResourceConfig(Set.of(9, 1, 4), null, null, null, Set.of("b", "a"), null);
        assertThat(config.osCores()).containsExactly(1, 4, 9);
        assertThat(config.tags()).containsExactly("a", "b");
        assertThatThrownBy(() -> config.osCores().add(2)).isInstanceOf(UnsupportedOperationException.class);
    }

    static Stream<Arguments> invalidSections() {
        return Stream.of(
                arguments("exposedMemPercentage below 50", "exposedMemPercentage: 40",
                        List.of("resources.exposedMemPercentage must be between 50 and 100")),
                arguments("exposedMemPercentage above 100", "exposedMemPercentage: 101",
                        List.of("resources.exposedMemPercentage must be between 50 and 100")),
                arguments("cpuMultiplier above 20", "overProvisioning: {enabled: true, cpuMultiplier: 30}",
                        List.of("resources.overProvisioning.cpuMultiplier must be between 1 and 20")),
                arguments("cpuMultiplier below 1", "overProvisioning: {cpuMultiplier: 0}",
                        List.of("resources.overProvisioning.cpuMultiplier must be between 1 and 20")),
                arguments("memoryMultiplier above 20", "overProvisioning: {memoryMultiplier: 21}",
                        List.of("resources.overProvisioning.memoryMultiplier must be between 1 and 20")),
                arguments("both wrong at once", "{exposedMemPercentage: 40, overProvisioning: {cpuMultiplier: 30}}",
                        List.of("resources.exposedMemPercentage must be between 50 and 100",
                                "resources.overProvisioning.cpuMultiplier must be between 1 and 20")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidSections")
    void anOutOfRangeValueStopsTheExecutorWithAClearMessage(String name, String section, List<String> errors) {
        assertThatThrownBy(() -> bind("resources:\n  " + section + "\n"))
                .isInstanceOfSatisfying(ConfigurationValidationException.class, e ->
                        assertThat(e.getMessage().lines().filter(line -> line.startsWith("  * "))
                                .map(line -> line.substring(4)))
                                .containsExactlyInAnyOrderElementsOf(errors));
    }

    @Test
    void theValidationMessageNamesTheFileAndTheKey() {
        assertThatThrownBy(() -> bind("resources:\n  exposedMemPercentage: 40\n"))
                .hasMessage("executor.yml has an error:\n"
                        + "  * resources.exposedMemPercentage must be between 50 and 100\n");
    }

    @Test
    void aNegativeOsCoreIsRejected() {
        assertThatThrownBy(() -> bind("resources:\n  osCores: [-1]\n"))
                .isInstanceOf(ConfigurationValidationException.class)
                .hasMessageContaining("must contain CPU ids of 0 or more");
    }

    @Test
    void aMisspelledKeyIsRejected() {
        assertThatThrownBy(() -> bind("resources:\n  exposedMemoryPercentage: 60\n"))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("Unrecognized field at: resources.exposedMemoryPercentage");
    }
}
