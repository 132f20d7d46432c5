package dev.drove.common.config;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.drove.common.http.ClusterTlsConfig;
import dev.drove.common.http.ServerEndpoints;
import dev.drove.common.testkit.ProductionConfigContract;
import dev.drove.models.info.nodedata.NodeTransportType;
import dev.drove.models.json.Json;
import io.dropwizard.configuration.EnvironmentVariableSubstitutor;
import io.dropwizard.core.server.DefaultServerFactory;
import io.dropwizard.jackson.Jackson;
import io.dropwizard.jetty.ConnectorFactory;
import io.dropwizard.jetty.HttpsConnectorFactory;
import org.apache.commons.text.lookup.StringLookupFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The commented TLS blocks of config/production/{controller,executor}.yml (an https application connector and the
 * {@code clusterTls} section), uncommented as an operator would and bound as the services bind them, with the
 * variables of the env file beside them.
 */
class TlsSamplesTest {
    private static final Path PRODUCTION = ProductionConfigContract.productionFolder();

    @ParameterizedTest(name = "{0}")
    @CsvSource({"controller, 10000", "executor, 11000"})
    void theCommentedTlsBlocksBindOnceUncommented(String service, int port) throws Exception {
        var text = substituted(service);

        List<ConnectorFactory> connectors = mapper().readValue(uncommented(text, "    # - type: https"),
                new TypeReference<>() { });
        var connector = (HttpsConnectorFactory) connectors.get(0);
        assertThat(connector.getPort()).isEqualTo(port);
        assertThat(connector.getKeyStorePath()).isEqualTo("/etc/drove/tls/" + service + ".p12");
        assertThat(connector.getKeyStorePassword()).isEqualTo("key-store-password");
        assertThat(connector.getKeyStoreType()).isEqualTo("PKCS12");
        var server = new DefaultServerFactory();
        server.setApplicationConnectors(List.of(connector));
        assertThat(ServerEndpoints.of(server, "node-1.internal").transportType()).isEqualTo(NodeTransportType.HTTPS);

        var tls = mapper().readValue(uncommented(text, "# clusterTls:"), Section.class).clusterTls();
        assertThat(tls).isEqualTo(new ClusterTlsConfig("/etc/drove/tls/cluster-ca.p12", "trust-store-password",
                "PKCS12", true));
    }

    /** Only the section, as NodeConfiguration reads it. */
    record Section(ClusterTlsConfig clusterTls) {
    }

    /** The file with its variables replaced as the service replaces them (strict: each must be in the env file). */
    private static String substituted(String service) throws IOException {
        var environment = ProductionConfigContract.readEnvFile(service);
        assertThat(environment).containsKeys("DROVE_TLS_KEYSTORE_PASSWORD", "DROVE_TLS_TRUSTSTORE_PASSWORD");
        environment.replaceAll((name, value) -> value.isEmpty() ? "filled-in" : value);
        environment.put("DROVE_TLS_KEYSTORE_PASSWORD", "key-store-password");
        environment.put("DROVE_TLS_TRUSTSTORE_PASSWORD", "trust-store-password");
        var substitutor = new EnvironmentVariableSubstitutor(true);
        substitutor.setVariableResolver(StringLookupFactory.INSTANCE.mapStringLookup(environment));
        return substitutor.replace(Files.readString(PRODUCTION.resolve(service + ".yml")));
    }

    /**
     * The commented block that starts with the line {@code first}: that line and the commented lines below it that
     * are indented deeper, with the comment marks removed and the block's indentation kept out.
     */
    private static String uncommented(String text, String first) {
        var lines = text.lines().toList();
        var start = lines.indexOf(first);
        assertThat(start).as("a line '" + first + "'").isNotNegative();
        var indent = first.indexOf('#');
        var block = new ArrayList<String>();
        block.add(first.substring(indent + 2));
        for (var line : lines.subList(start + 1, lines.size())) {
            if (!line.startsWith(" ".repeat(indent) + "#   ")) {
                break;
            }
            block.add(line.substring(indent + 2));
        }
        return String.join("\n", block) + "\n";
    }

    private static ObjectMapper mapper() {
        return Json.configure(Jackson.newObjectMapper(new YAMLFactory()));
    }
}
