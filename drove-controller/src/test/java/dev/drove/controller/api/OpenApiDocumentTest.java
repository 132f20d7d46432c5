package dev.drove.controller.api;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.databind.JsonNode;
import dev.drove.controller.ControllerApplication;
import dev.drove.controller.ControllerConfiguration;
import dev.drove.models.application.placement.PlacementPolicy;
import dev.drove.models.json.Json;
import io.dropwizard.testing.DropwizardTestSupport;
import org.apache.curator.test.TestingServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The controller's OpenAPI document and the endpoint table of docs/api.md cannot drift from the code: a real
 * controller is started (user auth on, a real ZooKeeper), every Jersey resource method it registered is enumerated,
 * and both documents must list exactly the {@code /apis/v1} ones, no more, no fewer.
 */
class OpenApiDocumentTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Pattern API_TABLE_ROW = Pattern.compile(
            "^\\|\\s*(GET|POST|PUT|DELETE|PATCH|HEAD)\\s*\\|\\s*`([^`]+)`\\s*\\|\\s*([^|]+?)\\s*\\|.*$");
    /** The Role column's words in docs/api.md, by the role name {@link RegisteredEndpoints} derives. */
    private static final Map<String, String> ROLE_WORDS = Map.of("read", "READ", "read-write", "READ_WRITE",
            "maintenance", "MAINTENANCE", "logs", "LOG_READER", "instance", "INSTANCE", "cluster node",
            "CLUSTER_NODE");
    private static final Pattern TEMPLATE = Pattern.compile("\\{(\\w+)}");

    @TempDir
    static Path dir;
    private static TestingServer zookeeper;
    private static DropwizardTestSupport<ControllerConfiguration> controller;
    private static Map<String, String> registered;
    private static JsonNode document;

    @BeforeAll
    static void startController() throws Exception {
        zookeeper = new TestingServer(true);
        var config = dir.resolve("controller.yml");
        Files.writeString(config, """
                server:
                  applicationConnectors: [{type: http, port: %d, bindHost: 127.0.0.1}]
                  adminConnectors: [{type: http, port: %d, bindHost: 127.0.0.1}]
                  requestLog: {appenders: []}
                  shutdownGracePeriod: 0s
                logging: {level: WARN, appenders: [{type: console}]}
                zookeeper: {connectionString: "%s"}
                userAuth:
                  enabled: true
                  users: [{username: admin, password: admin, role: EXTERNAL_ROOT}]
                """.formatted(freePort(), freePort(), zookeeper.getConnectString()));
        controller = new DropwizardTestSupport<>(ControllerApplication.class, config.toString());
        controller.before();
        await("the controller leads").atMost(Duration.ofSeconds(30)).until(() -> HTTP.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + controller.getLocalPort() + "/apis/v1/ping"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("admin:admin".getBytes()))
                .build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200);
        registered = RegisteredEndpoints.of(controller.getEnvironment().jersey().getResourceConfig());
        var answer = get("/apis/openapi.json");
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        document = Json.mapper().readTree(answer.body());
    }

    @AfterAll
    static void stopController() throws IOException {
        if (controller != null) {
            controller.after();
        }
        if (zookeeper != null) {
            zookeeper.close();
        }
    }

    @Test
    void theDocumentListsExactlyTheApiEndpointsTheControllerRegistersWithTheirRoles() {
        var documented = new TreeMap<String, String>();
        document.path("paths").properties().forEach(path -> path.getValue().properties().forEach(op ->
                documented.put(op.getKey().toUpperCase() + " " + path.getKey(), op.getValue().path("x-drove-role")
                        .asText())));

        assertThat(documented.keySet()).as("OpenAPI operations compared with the registered /apis/v1 resource methods")
                .containsExactlyInAnyOrderElementsOf(api().keySet());
        assertThat(documented).as("x-drove-role compared with each resource method's annotations")
                .containsExactlyInAnyOrderEntriesOf(api());
    }

    @Test
    void everythingTheControllerServesOutsideTheApiIsAConsolePageItOnlyReads() {
        assertThat(registered.keySet()).filteredOn(e -> !e.contains(" /apis/v1/")).isNotEmpty()
                .allMatch(e -> e.startsWith("GET /") && !e.startsWith("GET /apis/"));
    }

    @Test
    void theApiPageTableListsExactlyTheSameEndpointsWithTheirRoles() throws IOException {
        var rows = new ArrayList<String>();
        var roles = new TreeMap<String, String>();
        for (var line : Files.readAllLines(repositoryRoot().resolve("docs/api.md"))) {
            Matcher row = API_TABLE_ROW.matcher(line);
            if (row.matches()) {
                var endpoint = row.group(1) + " " + row.group(2);
                rows.add(endpoint);
                roles.put(endpoint, ROLE_WORDS.getOrDefault(row.group(3), "unknown role word '" + row.group(3) + "'"));
            }
        }

        assertThat(rows).as("rows of docs/api.md compared with the registered /apis/v1 resource methods")
                .doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(api().keySet());
        assertThat(roles).as("the Role column of docs/api.md compared with each method's annotations")
                .containsExactlyInAnyOrderEntriesOf(api());
    }

    @Test
    void everyOperationDeclaresItsPathParametersARoleAndAnAnswer() {
        document.path("paths").properties().forEach(path -> path.getValue().properties().forEach(op -> {
            var where = op.getKey().toUpperCase() + " " + path.getKey();
            var declared = new TreeSet<String>();
            op.getValue().path("parameters").forEach(p -> {
                if ("path".equals(p.path("in").asText())) {
                    declared.add(p.path("name").asText());
                }
            });
            var template = new TreeSet<String>();
            TEMPLATE.matcher(path.getKey()).results().forEach(m -> template.add(m.group(1)));

            assertThat(declared).as("path parameters of " + where).isEqualTo(template);
            assertThat(op.getValue().path("summary").asText()).as("summary of " + where).isNotBlank();
            assertThat(op.getValue().path("responses").size()).as("responses of " + where).isPositive();
        }));
    }

    @Test
    void theSchemasAreTheModelTypesWithTheirRequiredFieldsRangesAndSubtypes() {
        var schemas = document.path("components").path("schemas");

        assertThat(schemas.at("/ApplicationSpec/required")).extracting(JsonNode::asText)
                .contains("name", "version", "executable", "exposedPorts", "resources", "healthcheck", "readiness");
        assertThat(schemas.at("/MaxNPerHostPlacement/properties/max/maximum").asInt()).isEqualTo(64);
        assertThat(schemas.at("/MaxNPerHostPlacement/properties/type/enum/0").asText()).isEqualTo("MAX_N_PER_HOST");
        var mapping = new TreeSet<String>();
        schemas.at("/PlacementPolicy/discriminator/mapping").fieldNames().forEachRemaining(mapping::add);
        assertThat(mapping).containsExactlyInAnyOrder(Arrays.stream(PlacementPolicy.class
                .getAnnotation(JsonSubTypes.class).value()).map(JsonSubTypes.Type::name).toArray(String[]::new));
        assertThat(document.at("/paths/~1apis~1v1~1applications~1operations/post/requestBody/content"
                + "/application~1json/schema/$ref").asText()).isEqualTo("#/components/schemas/ApplicationOperation");
    }

    @Test
    void everyReferenceInTheDocumentResolves() {
        var refs = new TreeSet<String>();
        collectRefs(document, refs);

        assertThat(refs).isNotEmpty().allSatisfy(ref -> assertThat(document.at(ref.substring(1)).isMissingNode())
                .as("%s resolves", ref).isFalse());
    }

    @Test
    void theDocumentIsServedWithoutLoginWhileTheApiAsksForOne() throws Exception {
        assertThat(get("/apis/v1/applications").statusCode()).isEqualTo(401);
        assertThat(document.path("openapi").asText()).startsWith("3.");
        var yaml = get("/apis/openapi.yaml");
        assertThat(yaml.statusCode()).isEqualTo(200);
        assertThat(yaml.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("yaml"));
        assertThat(yaml.body()).contains("openapi:");
    }

    private static void collectRefs(JsonNode node, Set<String> refs) {
        if (node.isObject()) {
            node.properties().forEach(field -> {
                if (field.getKey().equals("$ref")) {
                    refs.add(field.getValue().asText());
                } else {
                    collectRefs(field.getValue(), refs);
                }
            });
        } else if (node.isArray()) {
            node.forEach(child -> collectRefs(child, refs));
        }
    }

    /** The registered endpoints under /apis/v1 with their roles. */
    private static Map<String, String> api() {
        var api = new TreeMap<String, String>();
        registered.forEach((endpoint, role) -> {
            if (endpoint.contains(" /apis/v1/")) {
                api.put(endpoint, role);
            }
        });
        return api;
    }

    private static HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + controller.getLocalPort() + path))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private static Path repositoryRoot() {
        for (var folder = Path.of("").toAbsolutePath(); folder != null; folder = folder.getParent()) {
            if (Files.isDirectory(folder.resolve("docs")) && Files.isDirectory(folder.resolve("drove-controller"))) {
                return folder;
            }
        }
        throw new IllegalStateException("No docs/ beside drove-controller/ above " + Path.of("").toAbsolutePath());
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
