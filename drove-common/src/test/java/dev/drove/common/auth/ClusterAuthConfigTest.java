package dev.drove.common.auth;

import dev.drove.models.info.nodedata.NodeType;
import io.dropwizard.configuration.ConfigurationException;
import io.dropwizard.configuration.YamlConfigurationFactory;
import io.dropwizard.jackson.Jackson;
import io.dropwizard.jersey.validation.Validators;
import jakarta.validation.Valid;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The {@code clusterAuth} section as Dropwizard binds it from the docs' YAML. */
class ClusterAuthConfigTest {

    /** A root config holding only the section, defaulted as the services' roots do. */
    record Root(@Valid ClusterAuthConfig clusterAuth) {
        Root {
            clusterAuth = clusterAuth == null ? ClusterAuthConfig.DEFAULTS : clusterAuth;
        }
    }

    static Stream<Arguments> samples() {
        return Stream.of(
                Arguments.of("the docs' sample", """
                        clusterAuth:
                          secrets:
                          - nodeType: CONTROLLER
                            secret: ControllerSecretValue
                          - nodeType: EXECUTOR
                            secret: ExecutorSecret
                        """, "ControllerSecretValue", "ExecutorSecret"),
                Arguments.of("the docs' full controller sample", """
                        clusterAuth:
                          secrets:
                          - nodeType: CONTROLLER
                            secret: "0v8XvJrDc7r86ZY1QCByPTDPninI4Xii"
                          - nodeType: EXECUTOR
                            secret: "pOd9sIEXhv0wrGOVc7ebwNvR7twZqyTN"
                        """, "0v8XvJrDc7r86ZY1QCByPTDPninI4Xii", "pOd9sIEXhv0wrGOVc7ebwNvR7twZqyTN"),
                Arguments.of("an absent section uses the development secrets", "{}\n",
                        "drove-development-controller-secret", "drove-development-executor-secret"),
                Arguments.of("a type without an entry uses its development secret", """
                        clusterAuth:
                          secrets:
                          - nodeType: EXECUTOR
                            secret: ExecutorSecret
                        """, "drove-development-controller-secret", "ExecutorSecret"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void theSecretsOfEachNodeTypeAreBound(String row, String yaml, String controllerSecret, String executorSecret)
            throws Exception {
        var config = bind(yaml).clusterAuth();

        assertThat(config.secretFor(NodeType.CONTROLLER)).isEqualTo(controllerSecret);
        assertThat(config.secretFor(NodeType.EXECUTOR)).isEqualTo(executorSecret);
    }

    static Stream<Arguments> mistakes() {
        return Stream.of(
                Arguments.of("an empty secret", """
                        clusterAuth:
                          secrets:
                          - nodeType: CONTROLLER
                            secret: ""
                        """, "secret must not be blank"),
                Arguments.of("a node type listed twice", """
                        clusterAuth:
                          secrets:
                          - nodeType: EXECUTOR
                            secret: one
                          - nodeType: EXECUTOR
                            secret: two
                        """, "lists node type EXECUTOR more than once"),
                Arguments.of("an unknown node type", """
                        clusterAuth:
                          secrets:
                          - nodeType: GATEWAY
                            secret: one
                        """, "clusterAuth.secrets.[0].nodeType"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mistakes")
    void aMistakeInTheSectionStopsTheNodeFromStarting(String row, String yaml, String message) {
        assertThatThrownBy(() -> bind(yaml)).isInstanceOf(ConfigurationException.class).hasMessageContaining(message);
    }

    @Test
    void onlyTheDevelopmentSecretsCountAsDefault() throws Exception {
        var mixed = bind("""
                clusterAuth:
                  secrets:
                  - nodeType: CONTROLLER
                    secret: ControllerSecretValue
                """).clusterAuth();

        assertThat(mixed.usesDevelopmentSecret(NodeType.CONTROLLER)).isFalse();
        assertThat(mixed.usesDevelopmentSecret(NodeType.EXECUTOR)).isTrue();
    }

    @Test
    void aNodeSendsItsOwnTypesSecretAsItsCredentials() {
        var config = new ClusterAuthConfig(java.util.List.of(new ClusterSecret(NodeType.CONTROLLER, "c-secret"),
                new ClusterSecret(NodeType.EXECUTOR, "e-secret")));

        var credentials = config.credentials(NodeType.EXECUTOR, "executor-1.internal");

        assertThat(credentials.headers()).containsEntry(ClusterHeaders.NODE_ID, "executor-1.internal")
                .containsEntry(ClusterHeaders.NODE_TYPE, "EXECUTOR")
                .containsEntry(ClusterHeaders.CLUSTER_AUTHORIZATION, "e-secret");
        assertThat(credentials.toString()).doesNotContain("e-secret");
        assertThat(config.secrets().toString()).doesNotContain("c-secret").doesNotContain("e-secret");
    }

    private static Root bind(String yaml) throws Exception {
        var factory = new YamlConfigurationFactory<>(Root.class, Validators.newValidator(), Jackson.newObjectMapper(),
                "dw");
        return factory.build(path -> new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "test.yml");
    }
}
