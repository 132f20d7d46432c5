package dev.drove.common.auth;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.drove.models.info.nodedata.NodeType;
import dev.drove.models.json.Json;
import io.dropwizard.testing.junit5.DropwizardClientExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Which calls {@link ClusterAuthFilter} lets through to node-only resources, and how it refuses the rest. */
@ExtendWith(DropwizardExtensionsSupport.class)
class ClusterAuthFilterTest {
    private static final String CONTROLLER_SECRET = "ControllerSecretValue";
    private static final String EXECUTOR_SECRET = "ExecutorSecret";
    private static final ClusterAuthConfig CONFIG = new ClusterAuthConfig(List.of(
            new ClusterSecret(NodeType.CONTROLLER, CONTROLLER_SECRET),
            new ClusterSecret(NodeType.EXECUTOR, EXECUTOR_SECRET)));

    static final DropwizardClientExtension NODE = new DropwizardClientExtension(
            new NodeResource(), new ControllerOnlyResource(), new ClusterAuthFilter(CONFIG));

    private final HttpClient http = HttpClient.newHttpClient();
    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();

    /** Methods with their own rules, and one open method. */
    @Path("/node")
    @Produces(MediaType.APPLICATION_JSON)
    public static class NodeResource {
        @GET
        @Path("/from-executors")
        @ClusterNodeOnly(from = NodeType.EXECUTOR)
        public Map<String, String> fromExecutors(@Context SecurityContext security) {
            return caller(security);
        }

        @GET
        @Path("/from-any-node")
        @ClusterNodeOnly
        public Map<String, String> fromAnyNode(@Context SecurityContext security) {
            return caller(security);
        }

        @GET
        @Path("/open")
        public Map<String, String> open() {
            return Map.of("open", "yes");
        }
    }

    /** A class whose every method only the controllers may call. */
    @Path("/controller-only")
    @Produces(MediaType.APPLICATION_JSON)
    @ClusterNodeOnly(from = NodeType.CONTROLLER)
    public static class ControllerOnlyResource {
        @GET
        public Map<String, String> get(@Context SecurityContext security) {
            return caller(security);
        }
    }

    private static Map<String, String> caller(SecurityContext security) {
        var node = (ClusterNodePrincipal) security.getUserPrincipal();
        return Map.of("nodeId", node.nodeId(), "nodeType", node.nodeType().name(),
                "clusterNode", String.valueOf(security.isUserInRole(ClusterAuthFilter.CLUSTER_NODE_ROLE)));
    }

    @BeforeEach
    void captureLogs() {
        logs.start();
        ((Logger) LoggerFactory.getLogger(ClusterAuthFilter.class)).addAppender(logs);
    }

    @AfterEach
    void releaseLogs() {
        ((Logger) LoggerFactory.getLogger(ClusterAuthFilter.class)).detachAppender(logs);
    }

    static Stream<Arguments> calls() {
        return Stream.of(
                Arguments.of("an executor with the executor secret may call an executors-only method",
                        "/node/from-executors", node("EXECUTOR", EXECUTOR_SECRET), 200),
                Arguments.of("a controller may not call an executors-only method, even with its right secret",
                        "/node/from-executors", node("CONTROLLER", CONTROLLER_SECRET), 401),
                Arguments.of("a wrong secret is refused",
                        "/node/from-executors", node("EXECUTOR", "guess"), 401),
                Arguments.of("the other type's secret is refused",
                        "/node/from-executors", node("EXECUTOR", CONTROLLER_SECRET), 401),
                Arguments.of("a call without cluster headers is refused",
                        "/node/from-executors", Map.of(), 401),
                Arguments.of("a user's HTTP Basic credentials are refused",
                        "/node/from-any-node", Map.of("Authorization", "Basic "
                                + Base64.getEncoder().encodeToString("admin:admin".getBytes(StandardCharsets.UTF_8))),
                        401),
                Arguments.of("a secret without a node type is refused",
                        "/node/from-any-node", Map.of(ClusterHeaders.CLUSTER_AUTHORIZATION, EXECUTOR_SECRET), 401),
                Arguments.of("an unknown node type is refused",
                        "/node/from-any-node", node("GATEWAY", EXECUTOR_SECRET), 401),
                Arguments.of("an empty secret is refused",
                        "/node/from-any-node", node("EXECUTOR", ""), 401),
                Arguments.of("a controller may call a method open to both node types",
                        "/node/from-any-node", node("CONTROLLER", CONTROLLER_SECRET), 200),
                Arguments.of("an executor may call a method open to both node types",
                        "/node/from-any-node", node("EXECUTOR", EXECUTOR_SECRET), 200),
                Arguments.of("the node type may be in any case",
                        "/node/from-any-node", node("executor", EXECUTOR_SECRET), 200),
                Arguments.of("a controller may call a controllers-only class",
                        "/controller-only", node("CONTROLLER", CONTROLLER_SECRET), 200),
                Arguments.of("an executor may not call a controllers-only class",
                        "/controller-only", node("EXECUTOR", EXECUTOR_SECRET), 401),
                Arguments.of("a method without the annotation is not guarded",
                        "/node/open", Map.of(), 200));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("calls")
    void onlyAllowedNodesWithTheirTypesSecretGetThrough(String row, String path, Map<String, String> headers,
                                                       int status) throws Exception {
        assertThat(get(path, headers).statusCode()).isEqualTo(status);
    }

    @Test
    void anAcceptedCallRunsAsTheCallingNode() throws Exception {
        var response = get("/node/from-any-node", Map.of(ClusterHeaders.NODE_ID, "executor-7.internal",
                ClusterHeaders.NODE_TYPE, "EXECUTOR", ClusterHeaders.CLUSTER_AUTHORIZATION, EXECUTOR_SECRET));

        var caller = Json.mapper().readTree(response.body());
        assertThat(caller.get("nodeId").asText()).isEqualTo("executor-7.internal");
        assertThat(caller.get("nodeType").asText()).isEqualTo("EXECUTOR");
        assertThat(caller.get("clusterNode").asText()).isEqualTo("true");
    }

    @Test
    void aRefusalIsAFailedEnvelopeSayingWhy() throws Exception {
        var response = get("/node/from-executors", node("EXECUTOR", "guess"));

        var body = Json.mapper().readTree(response.body());
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith(MediaType.APPLICATION_JSON));
        assertThat(body.get("status").asText()).isEqualTo("FAILED");
        assertThat(body.get("message").asText()).isEqualTo("Wrong cluster secret for node type EXECUTOR");
        assertThat(body.has("data")).isFalse();
    }

    @Test
    void aRefusalIsLoggedWithTheRemoteAddressAndNodeIdButNeverTheSecret() throws Exception {
        get("/node/from-executors", Map.of(ClusterHeaders.NODE_ID, "intruder.internal",
                ClusterHeaders.NODE_TYPE, "EXECUTOR", ClusterHeaders.CLUSTER_AUTHORIZATION, CONTROLLER_SECRET));

        assertThat(logs.list).singleElement().satisfies(event -> {
            assertThat(event.getLevel().toString()).isEqualTo("WARN");
            assertThat(event.getFormattedMessage()).contains("127.0.0.1").contains("intruder.internal")
                    .contains("/node/from-executors").doesNotContain(CONTROLLER_SECRET)
                    .doesNotContain(EXECUTOR_SECRET);
        });
    }

    @Test
    void theDevelopmentSecretsAreWarnedAboutAtStart() {
        new ClusterAuthFilter(ClusterAuthConfig.DEFAULTS);
        new ClusterAuthFilter(CONFIG);

        assertThat(logs.list).singleElement().satisfies(event -> {
            assertThat(event.getLevel().toString()).isEqualTo("WARN");
            assertThat(event.getFormattedMessage()).contains("development secret").contains("CONTROLLER")
                    .contains("EXECUTOR");
        });
    }

    private static Map<String, String> node(String type, String secret) {
        return Map.of(ClusterHeaders.NODE_ID, "node-1.internal", ClusterHeaders.NODE_TYPE, type,
                ClusterHeaders.CLUSTER_AUTHORIZATION, secret);
    }

    private HttpResponse<String> get(String path, Map<String, String> headers) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + NODE.baseUri().getPort()
                + NODE.baseUri().getPath() + path));
        headers.forEach(request::header);
        return http.send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
