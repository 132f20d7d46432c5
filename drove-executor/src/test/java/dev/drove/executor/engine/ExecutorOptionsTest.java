package dev.drove.executor.engine;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.configuration.ConfigurationException;
import io.dropwizard.configuration.ConfigurationFactory;
import io.dropwizard.configuration.ConfigurationValidationException;
import io.dropwizard.configuration.DefaultConfigurationFactoryFactory;
import io.dropwizard.core.Configuration;
import io.dropwizard.jackson.Jackson;
import io.dropwizard.util.DataSize;
import io.dropwizard.util.Duration;
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
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** The {@code options:} section binds from YAML the way Dropwizard reads the executor's config file. */
class ExecutorOptionsTest {

    /** The part of the executor's root config that matters here, started as the root config must start it. */
    public static class ConfigFile extends Configuration {
        @Valid
        @NotNull
        @JsonProperty
        public ExecutorOptions options = ExecutorOptions.DEFAULTS;
    }

    private static final ConfigurationFactory<ConfigFile> FACTORY = new DefaultConfigurationFactoryFactory<ConfigFile>()
            .create(ConfigFile.class, BaseValidator.newValidator(), Jackson.newObjectMapper(), "dw");

    private static ExecutorOptions bind(String yaml) throws IOException, ConfigurationException {
        return FACTORY.build(path -> new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "executor.yml")
                .options;
    }

    static Stream<Arguments> documentedSamples() {
        return Stream.of(
                arguments("configuration reference sample", """
                        options:
                          cacheImages: true
                          maxOpenFiles: 10_000
                          logBufferSize: 5m
                          cacheFileSize: 10m
                          cacheFileCount: 3
                        """, new ExecutorOptions(null, true, null, null, 10_000L, DataSize.megabytes(5),
                        DataSize.megabytes(10), 3)),
                arguments("executor options sample", """
                        options:
                          logBufferSize: 20m
                          cacheFileSize: 30m
                          cacheFileCount: 3
                          cacheImages: true
                        """, new ExecutorOptions(null, true, null, null, null, DataSize.megabytes(20),
                        DataSize.megabytes(30), 3)),
                arguments("every key", """
                        options:
                          hostname: executor-1.internal
                          cacheImages: false
                          containerCommandTimeout: 1 minute
                          dockerSocketPath: /run/podman/podman.sock
                          maxOpenFiles: 1024
                          logBufferSize: 128MB
                          cacheFileSize: 100GB
                          cacheFileCount: 1024
                        """, new ExecutorOptions("executor-1.internal", false, Duration.minutes(1),
                        "/run/podman/podman.sock", 1024L, DataSize.megabytes(128), DataSize.gigabytes(100), 1024)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("documentedSamples")
    void theDocumentedSamplesBind(String sample, String yaml, ExecutorOptions expected) throws Exception {
        assertThat(bind(yaml)).isEqualTo(expected);
    }

    @Test
    void anAbsentKeyTakesTheDocumentedDefault() throws Exception {
        ExecutorOptions options = bind("options: {}\n");
        assertThat(options.hostname()).isNull();
        assertThat(options.containerCommandTimeout()).isEqualTo(Duration.seconds(30));
        assertThat(options.dockerSocketPath()).isEqualTo("/var/run/docker.sock");
        assertThat(options.maxOpenFiles()).isEqualTo(470_000L);
        assertThat(options.logBufferSize()).isEqualTo(DataSize.megabytes(10));
        assertThat(options.cacheFileSize()).isEqualTo(DataSize.megabytes(20));
        assertThat(options.cacheFileCount()).isEqualTo(3);
    }

    @Test
    void imagesAreCachedOnlyWhenTheWholeOptionsSectionIsAbsent() throws Exception {
        assertThat(bind("logging:\n  level: INFO\n").cacheImages()).isTrue();
        assertThat(bind("options:\n  maxOpenFiles: 1000\n").cacheImages()).isFalse();
        assertThat(bind("options: {}\n").cacheImages()).isFalse();
        assertThat(bind("options:\n  cacheImages: true\n").cacheImages()).isTrue();
    }

    static Stream<Arguments> invalidOptions() {
        return Stream.of(
                arguments("logBufferSize below 1MB", "logBufferSize: 500KB",
                        "options.logBufferSize must be between 1MB and 128MB"),
                arguments("logBufferSize above 128MB", "logBufferSize: 129m",
                        "options.logBufferSize must be between 1MB and 128MB"),
                arguments("cacheFileSize below 10MB", "cacheFileSize: 9m",
                        "options.cacheFileSize must be between 10MB and 100GB"),
                arguments("cacheFileSize above 100GB", "cacheFileSize: 101GB",
                        "options.cacheFileSize must be between 10MB and 100GB"),
                arguments("cacheFileCount above 1024", "cacheFileCount: 1025",
                        "options.cacheFileCount must be between 1 and 1024"),
                arguments("cacheFileCount of 0", "cacheFileCount: 0",
                        "options.cacheFileCount must be between 1 and 1024"),
                arguments("maxOpenFiles of 0", "maxOpenFiles: 0", "options.maxOpenFiles must be at least 1"),
                arguments("containerCommandTimeout below a second", "containerCommandTimeout: 100ms",
                        "options.containerCommandTimeout must be at least 1 second"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidOptions")
    void anOutOfRangeValueStopsTheExecutorNamingTheKeyAndTheRange(String name, String option, String error) {
        assertThatThrownBy(() -> bind("options:\n  " + option + "\n"))
                .isInstanceOf(ConfigurationValidationException.class)
                .hasMessage("executor.yml has an error:\n  * " + error + "\n");
    }

    @Test
    void aSizeWithoutAUnitIsRejected() {
        assertThatThrownBy(() -> bind("options:\n  logBufferSize: lots\n"))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("options.logBufferSize");
    }

    @Test
    void aMisspelledKeyIsRejected() {
        assertThatThrownBy(() -> bind("options:\n  cacheImage: true\n"))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("Unrecognized field at: options.cacheImage");
    }
}
