package dev.drove.models.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.drove.models.application.ApplicationSpec;
import dev.drove.models.json.Json;
import dev.drove.models.localservice.LocalServiceSpec;
import dev.drove.models.operation.ApplicationOperation;
import dev.drove.models.operation.LocalServiceOperation;
import dev.drove.models.operation.TaskOperation;
import dev.drove.models.task.TaskSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Broken specs and operations, each with exactly the errors a user gets back for it. Every row breaks one valid
 * document in one way, so each message is shown to come from that break.
 */
class BrokenSpecsTest {
    static final String APP_SPEC = """
            {
              "name": "billing", "version": "1", "type": "SERVICE",
              "executable": {"type": "DOCKER", "url": "ghcr.io/example/billing:1"},
              "exposedPorts": [{"name": "main", "port": 8000, "type": "HTTP"}],
              "resources": [{"type": "CPU", "count": 1}, {"type": "MEMORY", "sizeInMB": 128}],
              "healthcheck": {"mode": {"type": "HTTP", "portName": "main", "path": "/health", "verb": "GET",
                                       "successCodes": [200]},
                              "timeout": "1 second", "interval": "5 seconds", "attempts": 3},
              "readiness": {"mode": {"type": "CMD", "command": "true"},
                            "timeout": "1 second", "interval": "3 seconds", "attempts": 3},
              "exposureSpec": {"vhost": "billing.local", "portName": "main", "mode": "ALL"}
            }
            """;

    static final String LOCAL_SERVICE_SPEC = """
            {
              "name": "node-agent", "version": "2", "type": "LOCAL_SERVICE",
              "executable": {"type": "DOCKER", "url": "ghcr.io/example/agent:2"},
              "exposedPorts": [{"name": "main", "port": 9000, "type": "HTTP"}],
              "resources": [{"type": "CPU", "count": 1}, {"type": "MEMORY", "sizeInMB": 64}],
              "placementPolicy": {"type": "LOCAL", "hostLevel": false},
              "healthcheck": {"mode": {"type": "CMD", "command": "true"},
                              "timeout": "1 second", "interval": "5 seconds", "attempts": 3},
              "readiness": {"mode": {"type": "CMD", "command": "true"},
                            "timeout": "1 second", "interval": "3 seconds", "attempts": 3}
            }
            """;

    static final String TASK_SPEC = """
            {
              "sourceAppName": "billing", "taskId": "T0012",
              "executable": {"type": "DOCKER", "url": "ghcr.io/example/report:1"},
              "resources": [{"type": "CPU", "count": 1}, {"type": "MEMORY", "sizeInMB": 128}]
            }
            """;

    static final String SCALE = """
            {"type": "SCALE", "appId": "billing-1", "requiredInstances": 2,
             "opSpec": {"timeout": "1m", "parallelism": 2, "failureStrategy": "STOP"}}
            """;

    static final String KILL = """
            {"type": "KILL", "sourceAppName": "billing", "taskId": "T0012",
             "opSpec": {"timeout": "5m", "parallelism": 1, "failureStrategy": "STOP"}}
            """;

    /** One broken document and what reading it must report, in order. */
    record Row(String name, Class<?> type, String json, List<String> errors) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Row> brokenDocuments() {
        return Stream.of(
                app("missing resources", s -> s.remove("resources"),
                        "resources must not be empty"),
                app("empty resources", s -> s.putArray("resources"),
                        "resources must not be empty"),
                app("negative CPU count", s -> at(s, "resources", 0).put("count", -2),
                        "resources[0].count must be greater than or equal to 1"),
                app("zero memory", s -> at(s, "resources", 1).put("sizeInMB", 0),
                        "resources[1].sizeInMB must be greater than or equal to 1"),
                app("100000 CPU cores", s -> at(s, "resources", 0).put("count", 100_000),
                        "resources[0].count must be less than or equal to 16384"),
                app("more than a PiB of memory", s -> at(s, "resources", 1).put("sizeInMB", (1L << 30) + 1),
                        "resources[1].sizeInMB must be less than or equal to 1073741824"),
                app("no MEMORY requirement", s -> ((ArrayNode) s.get("resources")).remove(1),
                        "resources must contain exactly one MEMORY requirement, found 0"),
                app("two CPU requirements", s -> ((ArrayNode) s.get("resources")).addObject()
                                .put("type", "CPU").put("count", 2),
                        "resources must contain exactly one CPU requirement, found 2"),
                app("unknown resource type", s -> at(s, "resources", 1).put("type", "GPU"),
                        "resources[1].type 'GPU' is not known; it must be one of [CPU, MEMORY]"),
                app("health check on an unknown port name",
                        s -> ((ObjectNode) s.get("healthcheck").get("mode")).put("portName", "admin"),
                        "healthcheck.mode.portName 'admin' is not a port name in exposedPorts [main]"),
                app("exposure on an unknown port name",
                        s -> ((ObjectNode) s.get("exposureSpec")).put("portName", "admin"),
                        "exposureSpec.portName 'admin' is not a port name in exposedPorts [main]"),
                app("pre-shutdown hook on an unknown port name",
                        s -> s.putObject("preShutdown").putArray("hooks").addObject().put("type", "HTTP")
                                .put("portName", "admin").put("path", "/stop").put("verb", "POST")
                                .putArray("successCodes").add(200),
                        "preShutdown.hooks[0].portName 'admin' is not a port name in exposedPorts [main]"),
                app("bad duration", s -> ((ObjectNode) s.get("healthcheck")).put("timeout", "5 lightyears"),
                        "healthcheck.timeout Invalid duration: 5 lightyears. Wrong time unit"),
                app("negative initial delay", s -> ((ObjectNode) s.get("healthcheck")).put("initialDelay", "-1s"),
                        "healthcheck.initialDelay Invalid duration: -1s"),
                app("zero check interval", s -> ((ObjectNode) s.get("healthcheck")).put("interval", "0 seconds"),
                        "healthcheck.interval must be positive"),
                app("check attempts out of range", s -> ((ObjectNode) s.get("healthcheck")).put("attempts", 101),
                        "healthcheck.attempts must be less than or equal to 100"),
                app("unknown placement type", s -> s.putObject("placementPolicy").put("type", "ANYWHERE"),
                        "placementPolicy.type 'ANYWHERE' is not known; it must be one of [ANY, ONE_PER_HOST, "
                                + "MAX_N_PER_HOST, MATCH_TAG, NO_TAG, RULE_BASED, COMPOSITE, LOCAL]"),
                app("LOCAL placement for an application",
                        s -> s.putObject("placementPolicy").put("type", "LOCAL"),
                        "placementPolicy cannot be LOCAL for an application; only local services use it"),
                app("MAX_N_PER_HOST max 0",
                        s -> s.putObject("placementPolicy").put("type", "MAX_N_PER_HOST").put("max", 0),
                        "placementPolicy.max must be greater than or equal to 1"),
                app("MAX_N_PER_HOST max 65",
                        s -> s.putObject("placementPolicy").put("type", "MAX_N_PER_HOST").put("max", 65),
                        "placementPolicy.max must be less than or equal to 64"),
                app("unknown executable type", s -> ((ObjectNode) s.get("executable")).put("type", "PODMAN"),
                        "executable.type 'PODMAN' is not known; it must be one of [DOCKER]"),
                app("executable without type", s -> ((ObjectNode) s.get("executable")).remove("type"),
                        "executable.type is missing; it must be one of [DOCKER]"),
                app("executable without url", s -> ((ObjectNode) s.get("executable")).remove("url"),
                        "executable.url must not be blank"),
                app("duplicate port names", s -> ((ArrayNode) s.get("exposedPorts")).addObject()
                                .put("name", "main").put("port", 8001).put("type", "HTTP"),
                        "exposedPorts has more than one port named 'main'"),
                app("duplicate port numbers", s -> ((ArrayNode) s.get("exposedPorts")).addObject()
                                .put("name", "admin").put("port", 8000).put("type", "HTTP"),
                        "exposedPorts has more than one entry for port 8000"),
                app("port 70000", s -> at(s, "exposedPorts", 0).put("port", 70000),
                        "exposedPorts[0].port must be less than or equal to 65535"),
                app("no exposed ports", s -> s.putArray("exposedPorts"),
                        "exposedPorts must not be empty", "exposureSpec.portName 'main' is not a port name in "
                                + "exposedPorts []", "healthcheck.mode.portName 'main' is not a port name in "
                                + "exposedPorts []"),
                app("bad app name", s -> s.put("name", "my app!"),
                        "name must contain only letters, digits, '-' and '_'"),
                app("empty version", s -> s.put("version", ""),
                        "version must not be empty"),
                app("missing healthcheck", s -> s.remove("healthcheck"),
                        "healthcheck must not be null"),
                app("type other than SERVICE", s -> s.put("type", "COMPUTATION"),
                        "type must be SERVICE for an application, not COMPUTATION"),
                app("wrong JSON type: a string for a list", s -> s.put("exposedPorts", "main:8000"),
                        "exposedPorts has the wrong shape: expected a list"),
                app("unknown enum value", s -> ((ObjectNode) s.get("healthcheck").get("mode")).put("verb", "FETCH"),
                        "healthcheck.mode.verb 'FETCH' is not one of [GET, POST, PUT]"),
                app("HTTP success code out of range",
                        s -> ((ArrayNode) s.get("healthcheck").get("mode").get("successCodes")).add(700),
                        "healthcheck.mode.successCodes must hold HTTP status codes between 100 and 599, not 700"),
                app("too many args", s -> {
                    var args = s.putArray("args");
                    for (int i = 0; i <= 2048; i++) {
                        args.add("a" + i);
                    }
                }, "args must have at most 2048 entries"),
                app("LOCAL logging with a bad size", s -> s.putObject("logging").put("type", "LOCAL")
                                .put("maxSize", "10 megabytes"),
                        "logging.maxSize must be a size such as 10m: digits then k, m or g"),
                app("LOCAL logging keeping 0 files", s -> s.putObject("logging").put("type", "LOCAL")
                                .put("maxFiles", 0),
                        "logging.maxFiles must be greater than or equal to 1"),
                app("INLINE config that is not base64", s -> s.putArray("configs").addObject()
                                .put("type", "INLINE").put("localFilename", "/etc/app.yml").put("data", "%%%"),
                        "configs[0].data is not valid base64 text"),
                app("HTTP fetched config with success code 42", s -> s.putArray("configs").addObject()
                                .put("type", "EXECUTOR_HTTP_FETCH").put("localFilename", "/etc/app.yml")
                                .putObject("http").put("hostname", "configs.local").putArray("successCodes").add(42),
                        "configs[0].http.successCodes must hold HTTP status codes between 100 and 599, not 42"),
                new Row("malformed JSON", ApplicationSpec.class, "{\"name\": \"billing\",, }",
                        List.of("body is not valid JSON (line 1, column 20): Unexpected character (',' (code 44)): "
                                + "was expecting double-quote to start field name")),
                new Row("empty body", ApplicationSpec.class, "",
                        List.of("body is empty: a JSON document is required")),
                op("SCALE with requiredInstances -1", ApplicationOperation.class, SCALE,
                        s -> s.put("requiredInstances", -1),
                        "requiredInstances must be greater than or equal to 0"),
                op("SCALE with requiredInstances 5000", ApplicationOperation.class, SCALE,
                        s -> s.put("requiredInstances", 5000),
                        "requiredInstances must be less than or equal to 2048"),
                op("SCALE_INSTANCES is not an input type", ApplicationOperation.class, SCALE,
                        s -> s.put("type", "SCALE_INSTANCES"),
                        "type 'SCALE_INSTANCES' is not known; it must be one of [CREATE, DESTROY, START_INSTANCES, "
                                + "STOP_INSTANCES, SCALE, REPLACE_INSTANCES, SUSPEND, RECOVER]"),
                op("opSpec parallelism 0", ApplicationOperation.class, SCALE,
                        s -> ((ObjectNode) s.get("opSpec")).put("parallelism", 0),
                        "opSpec.parallelism must be greater than or equal to 1"),
                op("opSpec parallelism 513", ApplicationOperation.class, SCALE,
                        s -> ((ObjectNode) s.get("opSpec")).put("parallelism", 513),
                        "opSpec.parallelism must be less than or equal to 512"),
                op("opSpec without timeout", ApplicationOperation.class, SCALE,
                        s -> ((ObjectNode) s.get("opSpec")).remove("timeout"),
                        "opSpec.timeout must not be null"),
                op("operation without opSpec", ApplicationOperation.class, SCALE, s -> s.remove("opSpec"),
                        "opSpec must not be null"),
                op("operation without appId", ApplicationOperation.class, SCALE, s -> s.remove("appId"),
                        "appId must not be empty"),
                op("CREATE with a broken spec", ApplicationOperation.class,
                        "{\"type\": \"CREATE\", \"spec\": " + APP_SPEC + ", \"opSpec\": {\"timeout\": \"5m\", "
                                + "\"failureStrategy\": \"STOP\"}}",
                        s -> at(s.get("spec"), "resources", 0).put("count", 0),
                        "spec.resources[0].count must be greater than or equal to 1"),
                op("CREATE with a check on an unknown port", ApplicationOperation.class,
                        "{\"type\": \"CREATE\", \"spec\": " + APP_SPEC + ", \"opSpec\": {\"timeout\": \"5m\", "
                                + "\"failureStrategy\": \"STOP\"}}",
                        s -> ((ObjectNode) s.get("spec").get("healthcheck").get("mode")).put("portName", "admin"),
                        "spec.healthcheck.mode.portName 'admin' is not a port name in exposedPorts [main]"),
                op("KILL with a bad task id", TaskOperation.class, KILL, s -> s.put("taskId", "T 12"),
                        "taskId must contain only letters, digits, '-' and '_'"),
                op("task spec with LOCAL placement", TaskSpec.class, TASK_SPEC,
                        s -> s.putObject("placementPolicy").put("type", "LOCAL"),
                        "placementPolicy cannot be LOCAL for a task; only local services use it"),
                op("task spec without sourceAppName", TaskSpec.class, TASK_SPEC, s -> s.remove("sourceAppName"),
                        "sourceAppName must not be empty"),
                op("LocalServiceSpec with ANY placement", LocalServiceSpec.class, LOCAL_SERVICE_SPEC,
                        s -> s.putObject("placementPolicy").put("type", "ANY"),
                        "placementPolicy must be LOCAL for a local service, not ANY"),
                op("LocalServiceSpec of type SERVICE", LocalServiceSpec.class, LOCAL_SERVICE_SPEC,
                        s -> s.put("type", "SERVICE"),
                        "type must be LOCAL_SERVICE for a local service, not SERVICE"),
                op("local service CREATE with 0 instances per host", LocalServiceOperation.class,
                        "{\"type\": \"CREATE\", \"instancesPerHost\": 1, \"spec\": " + LOCAL_SERVICE_SPEC + "}",
                        s -> s.put("instancesPerHost", 0),
                        "instancesPerHost must be greater than or equal to 1"),
                op("local service STOP_INSTANCES without instances", LocalServiceOperation.class,
                        "{\"type\": \"STOP_INSTANCES\", \"serviceId\": \"node-agent-2\", \"instanceIds\": [\"x\"]}",
                        s -> s.remove("instanceIds"),
                        "instanceIds must not be empty"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenDocuments")
    void eachBrokenDocumentIsRejectedWithMessagesNamingTheFieldAndTheReason(Row row) {
        var reading = ContractReader.standard().read(row.json(), row.type());

        assertThat(reading.isValid()).isFalse();
        assertThat(reading.report().errors()).containsExactlyElementsOf(row.errors());
    }

    @Test
    void theValidDocumentsTheRowsBreakAreValid() {
        assertThat(ContractReader.standard().read(APP_SPEC, ApplicationSpec.class).report().errors()).isEmpty();
        assertThat(ContractReader.standard().read(LOCAL_SERVICE_SPEC, LocalServiceSpec.class).report().errors())
                .isEmpty();
        assertThat(ContractReader.standard().read(TASK_SPEC, TaskSpec.class).report().errors()).isEmpty();
        assertThat(ContractReader.standard().read(SCALE, ApplicationOperation.class).report().errors()).isEmpty();
        assertThat(ContractReader.standard().read(KILL, TaskOperation.class).report().errors()).isEmpty();
    }

    @Test
    void anUnknownFieldIsAWarningWithItsPathAndNotAnError() {
        var json = tree(APP_SPEC);
        ((ObjectNode) json.get("healthcheck").get("mode")).put("retries", 3);
        json.put("colour", "blue");
        json.putObject("extras").put("a", 1);
        ((ObjectNode) json.get("exposedPorts").get(0)).putArray("aliases").add("primary");

        var reading = ContractReader.standard().read(json.toString(), ApplicationSpec.class);

        assertThat(reading.isValid()).isTrue();
        assertThat(reading.report().warnings()).containsExactlyInAnyOrder(
                "has an unknown field 'colour'; it is ignored",
                "has an unknown field 'extras'; it is ignored",
                "exposedPorts[0] has an unknown field 'aliases'; it is ignored",
                "healthcheck.mode has an unknown field 'retries'; it is ignored");
    }

    @Test
    void aKeyGivenTwiceIsAnErrorNamingItRatherThanOneValuePicked() {
        var twice = "{\"type\": \"SCALE\", \"appId\": \"billing-1\", \"requiredInstances\": 2, "
                + "\"requiredInstances\": 3}";

        var reading = ContractReader.standard().read(twice, ApplicationOperation.class);

        assertThat(reading.value()).isEmpty();
        assertThat(reading.report().errors()).containsExactly(
                "body is not valid JSON (line 1, column 84): Duplicate field 'requiredInstances'");
    }

    private static Row app(String name, Consumer<ObjectNode> breakIt, String... errors) {
        return op(name, ApplicationSpec.class, APP_SPEC, breakIt, errors);
    }

    private static Row op(String name, Class<?> type, String valid, Consumer<ObjectNode> breakIt, String... errors) {
        var json = tree(valid);
        breakIt.accept(json);
        return new Row(name, type, json.toString(), List.of(errors));
    }

    private static ObjectNode at(JsonNode node, String list, int index) {
        return (ObjectNode) node.get(list).get(index);
    }

    private static ObjectNode tree(String json) {
        try {
            return (ObjectNode) Json.mapper().readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
