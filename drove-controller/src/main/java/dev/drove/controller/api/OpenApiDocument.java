package dev.drove.controller.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import dev.drove.models.api.AppSummary;
import dev.drove.models.api.ApiResponse;
import dev.drove.models.api.BlacklistOperationResponse;
import dev.drove.models.api.ClusterSummary;
import dev.drove.models.api.DashboardData;
import dev.drove.models.api.DroveEventsList;
import dev.drove.models.api.DroveEventsSummary;
import dev.drove.models.api.ExecutorSummary;
import dev.drove.models.api.ExposedAppInfo;
import dev.drove.models.api.LocalServiceSummary;
import dev.drove.models.api.LogFileChunk;
import dev.drove.models.api.LogFileList;
import dev.drove.models.api.OperationAccepted;
import dev.drove.models.api.SpecValidity;
import dev.drove.models.api.ValidationErrors;
import dev.drove.models.application.ApplicationSpec;
import dev.drove.models.cluster.ClusterStateData;
import dev.drove.models.events.DroveEvent;
import dev.drove.models.info.nodedata.ExecutorNodeData;
import dev.drove.models.instance.InstanceInfo;
import dev.drove.models.instance.LocalServiceInstanceInfo;
import dev.drove.models.internal.KnownInstancesData;
import dev.drove.models.internal.LocalServiceInstanceResources;
import dev.drove.models.json.Json;
import dev.drove.models.localservice.LocalServiceSpec;
import dev.drove.models.operation.ApplicationOperation;
import dev.drove.models.operation.LocalServiceOperation;
import dev.drove.models.operation.TaskOperation;
import dev.drove.models.task.TaskSpec;
import dev.drove.models.taskinstance.TaskInfo;
import io.dropwizard.core.setup.Environment;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The controller's OpenAPI 3 document, served to anyone at {@value #JSON_PATH} and {@value #YAML_PATH}: any
 * controller answers (it is not forwarded to the leader) and no login is asked for, since it holds no cluster data.
 * It is served by a plain servlet, beside Jersey, so the API's authentication does not apply to it.
 *
 * <p>The paths, parameters and roles are written by hand in {@code openapi.yaml} beside this class, in OpenAPI form
 * with a few shorthands this class expands (OpenApiDocumentTest checks the result lists exactly the registered
 * resource methods):
 * <pre>
 * x-drove-role: READ | READ_WRITE | MAINTENANCE | LOG_READER | INSTANCE | CLUSTER_NODE | NONE  → security
 * x-drove-body: Type                        → a JSON requestBody of that type
 * x-drove-data: none | Type | Type[] | Type{} | bare:Type | file  → the 200 answer: the envelope {status, data,
 *                                             message} with that data, the type without envelope, or a download
 * {name} in a path                          → a required string path parameter, unless declared
 * every operation                           → a default answer: the FAILED envelope
 * </pre>
 * Types are named by simple class name and must be in {@link #TYPES}; their schemas are generated from the classes
 * ({@link ModelSchemas}).
 */
public final class OpenApiDocument extends HttpServlet {
    public static final String JSON_PATH = "/apis/openapi.json";
    public static final String YAML_PATH = "/apis/openapi.yaml";
    private static final Pattern TEMPLATE = Pattern.compile("\\{(\\w+)}");
    private static final Pattern DATA = Pattern.compile("^(bare:)?(\\w+)(\\[]|\\{})?$");
    private static final List<String> METHODS = List.of("get", "put", "post", "delete", "patch", "head", "options");
    private static final Map<String, Class<?>> TYPES = List.<Class<?>>of(
            ApplicationSpec.class, TaskSpec.class, LocalServiceSpec.class, ApplicationOperation.class,
            TaskOperation.class, LocalServiceOperation.class, DryRunRuleInfo.class, RuleDryRunResult.class,
            OperationAccepted.class, SpecValidity.class, ValidationErrors.class, AppSummary.class, InstanceInfo.class,
            TaskInfo.class, LocalServiceSummary.class, LocalServiceInstanceInfo.class, ClusterSummary.class,
            DashboardData.class, ClusterStateData.class, ExecutorSummary.class, ExecutorNodeData.class,
            BlacklistOperationResponse.class, ExposedAppInfo.class, DroveEvent.class, DroveEventsList.class,
            DroveEventsSummary.class, LogFileList.class, LogFileChunk.class, KnownInstancesData.class,
            LocalServiceInstanceResources.class, String.class, Boolean.class, Object.class)
            .stream().collect(Collectors.toMap(Class::getSimpleName, type -> type));

    private final byte[] json;
    private final byte[] yaml;

    private OpenApiDocument(JsonNode document) {
        try {
            this.json = Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(document);
            this.yaml = new ObjectMapper(YAMLFactory.builder().disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                    .build()).writeValueAsBytes(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Serves the document on the application port; call once from {@code Application.run}. */
    public static void install(Environment environment) {
        environment.servlets().addServlet("openapi", new OpenApiDocument(load())).addMapping(JSON_PATH, YAML_PATH);
    }

    /** The full document: openapi.yaml with its shorthands expanded and the schemas of every type it names. */
    static JsonNode load() {
        try (InputStream in = OpenApiDocument.class.getResourceAsStream("openapi.yaml")) {
            if (in == null) {
                throw new IllegalStateException("openapi.yaml is missing beside " + OpenApiDocument.class.getName());
            }
            var document = (ObjectNode) new ObjectMapper(new YAMLFactory()).readTree(in);
            var schemas = new ModelSchemas(Json.mapper());
            document.path("paths").properties().forEach(path -> path.getValue().properties().forEach(operation -> {
                if (METHODS.contains(operation.getKey())) {
                    expand(path.getKey(), (ObjectNode) operation.getValue(), schemas);
                }
            }));
            var components = document.with("components").with("schemas");
            components.set("ApiResponse", envelope(null));
            schemas.all().forEach(components::set);
            return document;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read openapi.yaml", e);
        }
    }

    private static void expand(String path, ObjectNode operation, ModelSchemas schemas) {
        var where = path + " " + operation.path("summary").asText();
        var role = operation.path("x-drove-role").asText();
        switch (role) {
            case "NONE" -> operation.putArray("security");
            case "CLUSTER_NODE" -> operation.putArray("security").addObject().putArray("clusterSecret");
            case "INSTANCE" -> operation.putArray("security").addObject().putArray("instanceToken");
            case "READ", "READ_WRITE", "MAINTENANCE", "LOG_READER" ->
                    operation.putArray("security").addObject().putArray("basicAuth");
            default -> throw new IllegalStateException(where + ": unknown x-drove-role '" + role + "'");
        }
        var declared = operation.withArray("parameters");
        var matcher = TEMPLATE.matcher(path);
        while (matcher.find()) {
            var name = matcher.group(1);
            var present = false;
            for (var parameter : declared) {
                present |= name.equals(parameter.path("name").asText()) && "path".equals(parameter.path("in").asText());
            }
            if (!present) {
                declared.addObject().put("name", name).put("in", "path").put("required", true)
                        .putObject("schema").put("type", "string");
            }
        }
        if (operation.has("x-drove-body")) {
            operation.putObject("requestBody").put("required", true).putObject("content")
                    .putObject("application/json").set("schema", type(where, operation.path("x-drove-body").asText(),
                            schemas));
        }
        var responses = operation.with("responses");
        var data = operation.path("x-drove-data").asText("none");
        var ok = responses.putObject("200").put("description", "success");
        if (data.equals("file")) {
            ok.putObject("content").putObject("application/octet-stream").putObject("schema")
                    .put("type", "string").put("format", "binary");
        } else if (data.startsWith("bare:")) {
            ok.putObject("content").putObject("application/json").set("schema",
                    type(where, data.substring("bare:".length()), schemas));
        } else {
            ok.putObject("content").putObject("application/json").set("schema",
                    envelope(data.equals("none") ? null : type(where, data, schemas)));
        }
        responses.putObject("default").put("description", "refused or failed: status FAILED and a message")
                .putObject("content").putObject("application/json").putObject("schema")
                .put("$ref", "#/components/schemas/ApiResponse");
    }

    /** The schema of a type expression {@code Type}, {@code Type[]} or {@code Type{}}. */
    private static ObjectNode type(String where, String expression, ModelSchemas schemas) {
        var matcher = DATA.matcher(expression.replace("bare:", ""));
        if (!matcher.matches() || !TYPES.containsKey(matcher.group(2))) {
            throw new IllegalStateException(where + ": '" + expression + "' is not a known type; known: "
                    + TYPES.keySet().stream().sorted().toList());
        }
        var one = schemas.of(Json.mapper().constructType(TYPES.get(matcher.group(2))));
        if (matcher.group(3) == null) {
            return one;
        }
        var many = Json.mapper().createObjectNode();
        if (matcher.group(3).equals("[]")) {
            many.put("type", "array").set("items", one);
        } else {
            many.put("type", "object").set("additionalProperties", one);
        }
        return many;
    }

    /** The API's envelope ({@link ApiResponse}) around {@code data}; without it, data is left out. */
    private static ObjectNode envelope(ObjectNode data) {
        var envelope = Json.mapper().createObjectNode().put("type", "object");
        var properties = envelope.putObject("properties");
        properties.putObject("status").put("type", "string").putArray("enum").add("SUCCESS").add("FAILED");
        properties.putObject("message").put("type", "string");
        if (data != null) {
            properties.set("data", data);
        }
        envelope.putArray("required").add("status");
        return envelope;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        var asYaml = request.getRequestURI().endsWith(".yaml");
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType(asYaml ? "application/yaml" : "application/json");
        response.setCharacterEncoding("UTF-8");
        response.getOutputStream().write(asYaml ? yaml : json);
    }
}
