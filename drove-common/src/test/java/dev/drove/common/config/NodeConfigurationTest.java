package dev.drove.common.config;

import dev.drove.common.http.ClusterTlsConfig;
import dev.drove.models.json.Json;
import io.dropwizard.configuration.ConfigurationException;
import io.dropwizard.configuration.YamlConfigurationFactory;
import io.dropwizard.jackson.Jackson;
import io.dropwizard.jersey.validation.Validators;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The sections every node has, bound by Dropwizard with the services' mapper. */
class NodeConfigurationTest {

    /** A service configuration with nothing of its own. */
    public static class SomeNode extends NodeConfiguration {
    }

    @Test
    void theClusterTlsSectionIsBoundWithItsDefaults() throws Exception {
        var tls = bind("""
                clusterTls:
                  trustStorePath: /etc/drove/tls/cluster-ca.p12
                  trustStorePassword: changeit
                """).getClusterTls();

        assertThat(tls).isEqualTo(new ClusterTlsConfig("/etc/drove/tls/cluster-ca.p12", "changeit", "PKCS12", true));
    }

    @Test
    void everyKeyOfTheClusterTlsSectionIsRead() throws Exception {
        var tls = bind("""
                clusterTls:
                  trustStorePath: /etc/drove/tls/cluster-ca.jks
                  trustStorePassword: changeit
                  trustStoreType: JKS
                  verifyHostname: false
                """).getClusterTls();

        assertThat(tls).isEqualTo(new ClusterTlsConfig("/etc/drove/tls/cluster-ca.jks", "changeit", "JKS", false));
    }

    @Test
    void aNodeWithoutAClusterTlsSectionTrustsWhatTheJvmTrusts() throws Exception {
        assertThat(bind("").getClusterTls()).isEqualTo(ClusterTlsConfig.DEFAULTS);
        assertThat(bind("clusterTls:\n").getClusterTls()).isEqualTo(ClusterTlsConfig.DEFAULTS);
    }

    @Test
    void aMisspelledClusterTlsKeyStopsTheNodeFromStarting() {
        assertThatThrownBy(() -> bind("""
                clusterTls:
                  trustStorePath: /etc/drove/tls/cluster-ca.p12
                  trustStorePass: changeit
                """)).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("clusterTls has no key trustStorePass; its keys are trustStorePath");
    }

    @Test
    void aTrustStorePasswordWithoutATrustStoreStopsTheNodeFromStarting() {
        assertThatThrownBy(() -> bind("""
                clusterTls:
                  trustStorePassword: changeit
                """)).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("clusterTls.trustStorePassword is set but clusterTls.trustStorePath is not");
    }

    private static SomeNode bind(String tail) throws Exception {
        var yaml = "zookeeper:\n  connectionString: zk:2181\n" + tail;
        var mapper = Jackson.newObjectMapper();
        Json.configure(mapper);
        var factory = new YamlConfigurationFactory<>(SomeNode.class, Validators.newValidator(), mapper,
                "node-configuration-test");
        return factory.build(path -> new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "node.yml");
    }
}
