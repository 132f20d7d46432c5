package dev.drove.common.zookeeper;

import io.dropwizard.configuration.ConfigurationException;
import io.dropwizard.configuration.YamlConfigurationFactory;
import io.dropwizard.jackson.Jackson;
import io.dropwizard.jersey.validation.Validators;
import io.dropwizard.util.Duration;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The {@code zookeeper} section as Dropwizard binds it from the docs' YAML. */
class ZkConfigTest {

    /** A root config holding only the section; the section is required. */
    record Root(@Valid @NotNull ZkConfig zookeeper) {
    }

    static Stream<Arguments> samples() {
        return Stream.of(
                Arguments.of("the docs' sample with a namespace", """
                        zookeeper:
                          connectionString: "192.168.3.10:2181,192.168.3.11:2181,192.168.3.12:2181"
                          namespace: drovetest
                        """, "192.168.3.10:2181,192.168.3.11:2181,192.168.3.12:2181", "drovetest",
                        Duration.seconds(30), Duration.seconds(10)),
                Arguments.of("the original's nameSpace spelling", """
                        zookeeper:
                          connectionString: "192.168.3.10:2181"
                          nameSpace: drovetest
                        """, "192.168.3.10:2181", "drovetest", Duration.seconds(30), Duration.seconds(10)),
                Arguments.of("the docs' full sample: a connection string only", """
                        zookeeper:
                          connectionString: "192.168.56.10:2181"
                        """, "192.168.56.10:2181", "drove", Duration.seconds(30), Duration.seconds(10)),
                Arguments.of("our timeouts in Dropwizard's duration format", """
                        zookeeper:
                          connectionString: "zk:2181"
                          sessionTimeout: 15s
                          connectionTimeout: 2 seconds
                        """, "zk:2181", "drove", Duration.seconds(15), Duration.seconds(2)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void theSectionIsBoundWithItsDefaults(String row, String yaml, String connectionString, String namespace,
                                          Duration sessionTimeout, Duration connectionTimeout) throws Exception {
        var config = bind(yaml).zookeeper();

        assertThat(config.connectionString()).isEqualTo(connectionString);
        assertThat(config.namespace()).isEqualTo(namespace);
        assertThat(config.sessionTimeout().toMilliseconds()).isEqualTo(sessionTimeout.toMilliseconds());
        assertThat(config.connectionTimeout().toMilliseconds()).isEqualTo(connectionTimeout.toMilliseconds());
    }

    @Test
    void aSectionWithoutAConnectionStringStopsTheNodeFromStarting() {
        assertThatThrownBy(() -> bind("""
                zookeeper:
                  namespace: drovetest
                """)).isInstanceOf(ConfigurationException.class).hasMessageContaining("zookeeper.connectionString");
    }

    @Test
    void theNamespaceIsWrittenInTheDocsSpelling() throws Exception {
        var json = dev.drove.models.json.Json.mapper().valueToTree(ZkConfig.of("zk:2181"));

        assertThat(json.get("namespace").asText()).isEqualTo("drove");
        assertThat(json.has("nameSpace")).isFalse();
    }

    private static Root bind(String yaml) throws Exception {
        var factory = new YamlConfigurationFactory<>(Root.class, Validators.newValidator(), Jackson.newObjectMapper(),
                "dw");
        return factory.build(path -> new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "test.yml");
    }
}
