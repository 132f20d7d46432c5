package dev.drove.controller;

import dev.drove.models.info.nodedata.NodeType;

import java.io.InputStream;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import static dev.drove.controller.AppsInEveryState.DESTROYED;
import static dev.drove.controller.AppsInEveryState.DESTROYING;
import static dev.drove.controller.AppsInEveryState.HELD;
import static dev.drove.controller.AppsInEveryState.MONITORING;
import static dev.drove.controller.AppsInEveryState.REPLACING;
import static dev.drove.controller.AppsInEveryState.RUNNING;
import static dev.drove.controller.AppsInEveryState.SCALING;
import static dev.drove.controller.AppsInEveryState.STOPPING;
import static dev.drove.controller.AppsInEveryState.op;
import static dev.drove.controller.AppsInEveryState.spec;

/**
 * The table of {@link HostileInputTest}: each row a request no controller may accept, the status it must get (400
 * for bad input, 404 for an unknown id, 409 for a state that refuses the operation, 413 for a body over the limit, and
 * Jetty's and Jersey's own 400/405/406/414/415) and a part of the message that names the field or the reason.
 *
 * <pre>
 * sizes    bodies of 5 and 50 MB (sized and chunked), JSON nested 10k deep
 * shapes   empty, null, array, scalar, truncated, not UTF-8, wrong Content-Type, Accept or method
 * fields   unknown types and enum values, wrong types, counts of -1, 2^31 and 1e30, bad durations, absurd resources
 * ids      %2F, .., %00, unicode, emoji, 10k characters, in paths and in bodies
 * queries  unknown state filters, bad page sizes and times
 * states   every operation an app's state refuses, for an app held in each state; ops on a destroyed app
 * others   executor messages without or with wrong credentials, tasks, local services, rule dry-runs, logs, events
 * </pre>
 * Unknown fields are warnings in our contract (ContractReader reports them and reads on), so a row with one is refused
 * only for its other fault.
 */
final class HostileRequests {
    private static final String OPERATIONS = "/apis/v1/applications/operations";
    private static final String VALIDATE = "/apis/v1/applications/validate/spec";
    private static final String TASKS = "/apis/v1/tasks/operations";
    private static final String SERVICES = "/apis/v1/localservices/operations";
    private static final String MESSAGES = "/apis/v1/messages";
    private static final String DRY_RUN = "/apis/v1/applications/placementpolicy/rule/dryrun";
    private static final Map<String, String> JSON = Map.of("Content-Type", "application/json");
    private static final int MB = 1024 * 1024;
    private static final String TOO_LARGE = "Request body is larger than 4194304 bytes (4 MiB), the most this API "
            + "accepts";
    /** An op spec that is fine, for rows whose fault is elsewhere. */
    private static final String OP_SPEC = HELD;

    private HostileRequests() {
    }

    /** One hostile request and how it must be refused. */
    record Hostile(String description, String method, String path, Map<String, String> headers, Body body,
                   int status, String reason) {
        @Override
        public String toString() {
            return description + " -> " + status;
        }
    }

    /** A request body: a fresh publisher for each send. */
    record Body(Supplier<HttpRequest.BodyPublisher> publisher) {
        static final Body NONE = new Body(HttpRequest.BodyPublishers::noBody);

        static Body text(String text) {
            return new Body(() -> HttpRequest.BodyPublishers.ofString(text));
        }

        static Body bytes(byte[] bytes) {
            return new Body(() -> HttpRequest.BodyPublishers.ofByteArray(bytes));
        }

        /** {@code size} bytes of a JSON string, streamed: with a Content-Length, or chunked when not {@code sized}. */
        static Body huge(long size, boolean sized) {
            Supplier<InputStream> stream = () -> new JsonStringStream(size);
            return new Body(() -> sized
                    ? HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofInputStream(stream), size)
                    : HttpRequest.BodyPublishers.ofInputStream(stream));
        }
    }

    /** Every row, with the apps held in every state to aim at. */
    static List<Hostile> all(AppsInEveryState apps) {
        var rows = new ArrayList<Hostile>();
        rows.addAll(sizes());
        rows.addAll(shapes());
        rows.addAll(fields());
        rows.addAll(ids());
        rows.addAll(queries());
        rows.addAll(states(apps));
        rows.addAll(others());
        return rows;
    }

    private static List<Hostile> sizes() {
        return List.of(
                post("a 5 MB operation", OPERATIONS, Body.huge(5L * MB, true), 413, TOO_LARGE),
                post("a 50 MB operation", OPERATIONS, Body.huge(50L * MB, true), 413, TOO_LARGE),
                post("a 50 MB operation sent chunked", OPERATIONS, Body.huge(50L * MB, false), 413, TOO_LARGE),
                post("a 5 MB spec to validate", VALIDATE, Body.huge(5L * MB, true), 413, TOO_LARGE),
                post("a 5 MB task operation", TASKS, Body.huge(5L * MB, true), 413, TOO_LARGE),
                post("a 5 MB local service operation", SERVICES, Body.huge(5L * MB, true), 413, TOO_LARGE),
                call("a 5 MB executor message", "POST", MESSAGES, executorHeaders(), Body.huge(5L * MB, true), 413,
                        TOO_LARGE),
                post("arrays nested 10k deep", OPERATIONS, Body.text("[".repeat(10_000) + "]".repeat(10_000)), 400,
                        "has the wrong shape: expected ApplicationOperation"),
                post("objects nested 10k deep", OPERATIONS, Body.text(nested(10_000)), 400, "nesting depth"),
                post("arrays nested 10k deep in an unknown field", OPERATIONS, Body.text(op("SCALE", MONITORING,
                        "\"requiredInstances\": 1, \"x\": " + "[".repeat(10_000) + "]".repeat(10_000) + ",", OP_SPEC)),
                        400, "nesting depth"),
                post("objects nested 10k deep in an unknown field", OPERATIONS,
                        Body.text(op("SCALE", MONITORING, "\"requiredInstances\": 1, \"x\": " + nested(10_000) + ",",
                                OP_SPEC)), 400, "nesting depth"),
                post("objects nested 10k deep in an unknown field of a spec", VALIDATE,
                        Body.text(spec("deep", "steady").replace("\"type\": \"SERVICE\"",
                                "\"type\": \"SERVICE\", \"labels\": " + nested(10_000))), 400, "nesting depth"),
                post("objects nested 10k deep in the tags of a spec", VALIDATE,
                        Body.text(spec("deep", "steady").replace("\"type\": \"SERVICE\"",
                                "\"type\": \"SERVICE\", \"tags\": " + nested(10_000))), 400,
                        "tags.a has the wrong shape: expected string"),
                call("an executor message nested 10k deep", "POST", MESSAGES, executorHeaders(),
                        Body.text(nested(10_000)), 400, "nesting depth"),
                post("a task operation nested 10k deep", TASKS, Body.text(nested(10_000)), 400, "nesting depth"),
                post("a local service operation nested 10k deep", SERVICES, Body.text(nested(10_000)), 400,
                        "nesting depth"),
                post("an app id of 1 MB", OPERATIONS,
                        Body.text(op("SCALE", "x".repeat(MB), "\"requiredInstances\": 1,", OP_SPEC)), 404,
                        "not found"));
    }

    private static List<Hostile> shapes() {
        return List.of(
                post("an empty body", OPERATIONS, Body.text(""), 400, "body is empty"),
                post("no body at all", OPERATIONS, Body.NONE, 400, "body is empty"),
                post("the JSON null", OPERATIONS, Body.text("null"), 400, "body is empty"),
                post("an array instead of an object", OPERATIONS, Body.text("[]"), 400, "wrong shape"),
                post("a string instead of an object", OPERATIONS, Body.text("\"SCALE\""), 400, "type"),
                post("a number instead of an object", OPERATIONS, Body.text("42"), 400, "type"),
                post("truncated JSON", OPERATIONS, Body.text("{\"type\": \"SCALE\", \"appId\": "), 400,
                        "not valid JSON"),
                post("two documents in one body", OPERATIONS, Body.text("{} {}"), 400, "type"),
                post("bytes that are not UTF-8", OPERATIONS, Body.bytes(new byte[] {'{', (byte) 0xC3, '}'}), 400,
                        "not valid JSON"),
                call("XML with its Content-Type", "POST", OPERATIONS, Map.of("Content-Type", "application/xml"),
                        Body.text("<op type=\"SCALE\"/>"), 400, "not valid JSON"),
                call("an executor message as text/plain", "POST", MESSAGES, withType(executorHeaders(),
                        "text/plain"), Body.text("{}"), 415, "Unsupported Media Type"),
                call("the task search form as JSON", "POST", "/apis/v1/tasks/search", JSON, Body.text("{}"), 415,
                        "Unsupported Media Type"),
                call("XML wanted back", "GET", "/apis/v1/applications", Map.of("Accept", "application/xml"),
                        Body.NONE, 406, "Not Acceptable"),
                call("DELETE on the applications", "DELETE", "/apis/v1/applications", Map.of(), Body.NONE, 405,
                        "Method Not Allowed"),
                call("PUT an operation", "PUT", OPERATIONS, JSON, Body.text("{}"), 405, "Method Not Allowed"),
                get("a path that does not exist", "/apis/v1/nothing/here", 404, "Not Found"));
    }

    private static List<Hostile> fields() {
        return List.of(
                post("an unknown operation type", OPERATIONS, Body.text(op("EXPLODE", MONITORING, "", OP_SPEC)),
                        400, "type 'EXPLODE' is not known"),
                post("no operation type", OPERATIONS, Body.text("{\"appId\": \"" + MONITORING + "\"}"), 400,
                        "type is missing"),
                post("a number as the operation type", OPERATIONS, Body.text(op("SCALE", MONITORING,
                        "\"requiredInstances\": 1,", OP_SPEC).replace("\"SCALE\"", "7")), 400, "type '7'"),
                post("RECOVER, which only the controller runs", OPERATIONS,
                        Body.text("{\"type\": \"RECOVER\", \"appId\": \"" + MONITORING + "\"}"), 400,
                        "RECOVER is run by the controller itself"),
                post("instances -1", OPERATIONS, scale(MONITORING, "-1"), 400, "requiredInstances must be greater"),
                post("instances 2^31", OPERATIONS, scale(MONITORING, "2147483648"), 400, "requiredInstances"),
                post("instances 1e30", OPERATIONS, scale(MONITORING, "1e30"), 400, "requiredInstances"),
                post("instances as a word", OPERATIONS, scale(MONITORING, "\"three\""), 400,
                        "requiredInstances 'three' is not a valid"),
                post("instances as a list", OPERATIONS, scale(MONITORING, "[1]"), 400, "requiredInstances"),
                post("START_INSTANCES of -1", OPERATIONS, Body.text(op("START_INSTANCES", MONITORING,
                        "\"instances\": -1,", OP_SPEC)), 400, "instances must be greater"),
                post("START_INSTANCES of 0", OPERATIONS, Body.text(op("START_INSTANCES", MONITORING,
                        "\"instances\": 0,", OP_SPEC)), 400, "needs at least 1 instance"),
                post("a timeout of 5 fortnights", OPERATIONS, scaleWith("\"5 fortnights\"", "1", "\"STOP\""), 400,
                        "opSpec.timeout"),
                post("a timeout of -1 s", OPERATIONS, scaleWith("\"-1 s\"", "1", "\"STOP\""), 400, "opSpec.timeout"),
                post("a timeout of 0 s", OPERATIONS, scaleWith("\"0 s\"", "1", "\"STOP\""), 400,
                        "opSpec.timeout must be positive"),
                post("a timeout as a number", OPERATIONS, scaleWith("12", "1", "\"STOP\""), 400, "opSpec.timeout"),
                post("a timeout as an object", OPERATIONS, scaleWith("{\"s\": 1}", "1", "\"STOP\""), 400,
                        "opSpec.timeout"),
                post("parallelism 0", OPERATIONS, scaleWith("\"1 minute\"", "0", "\"STOP\""), 400,
                        "opSpec.parallelism must be greater"),
                post("parallelism 100000", OPERATIONS, scaleWith("\"1 minute\"", "100000", "\"STOP\""), 400,
                        "opSpec.parallelism must be less"),
                post("an unknown failure strategy", OPERATIONS, scaleWith("\"1 minute\"", "1", "\"RETRY\""), 400,
                        "opSpec.failureStrategy 'RETRY' is not one of"),
                post("an op spec that is a string", OPERATIONS,
                        Body.text(op("SCALE", MONITORING, "\"requiredInstances\": 1,", "\"fast\"")), 400, "opSpec"),
                post("no op spec", OPERATIONS,
                        Body.text("{\"type\": \"SCALE\", \"appId\": \"" + MONITORING + "\", \"requiredInstances\": 1}"),
                        400, "opSpec must not be null"),
                post("an appId that is an object", OPERATIONS,
                        Body.text(op("SCALE", MONITORING, "\"requiredInstances\": 1,", OP_SPEC)
                                .replace("\"" + MONITORING + "\"", "{\"id\": 1}")), 400, "appId"),
                post("instance ids that are a string", OPERATIONS, Body.text(op("STOP_INSTANCES", RUNNING,
                        "\"instanceIds\": \"AI-1\",", OP_SPEC)), 400, "instanceIds"),
                post("a key given twice", OPERATIONS, Body.text(op("SCALE", MONITORING,
                        "\"requiredInstances\": 1, \"requiredInstances\": 2,", OP_SPEC)), 400,
                        "Duplicate field 'requiredInstances'"),
                post("an unknown field and a bad count", OPERATIONS, Body.text(op("SCALE", MONITORING,
                        "\"requiredInstances\": -2, \"colour\": \"red\",", OP_SPEC)), 400, "requiredInstances"),
                post("an unknown field on an app that is busy", OPERATIONS, Body.text(op("SCALE", SCALING,
                        "\"requiredInstances\": 1, \"colour\": \"red\",", OP_SPEC)), 409, "is busy with"),
                post("a spec with 0 cores", OPERATIONS, create(spec("cpu", "steady").replace("\"count\": 1",
                        "\"count\": 0")), 400, "spec.resources[0].count"),
                post("a spec with -5 cores", OPERATIONS, create(spec("cpu", "steady").replace("\"count\": 1",
                        "\"count\": -5")), 400, "spec.resources[0].count"),
                post("a spec with 100000 cores", OPERATIONS, create(spec("cpu", "steady").replace("\"count\": 1",
                        "\"count\": 100000")), 400, "spec.resources[0].count"),
                post("a spec with 2^63 MB", OPERATIONS, create(spec("mem", "steady").replace("\"sizeInMB\": 128",
                        "\"sizeInMB\": 9223372036854775808")), 400, "sizeInMB"),
                post("a spec with 9e18 MB", OPERATIONS, create(spec("mem", "steady").replace("\"sizeInMB\": 128",
                        "\"sizeInMB\": 9000000000000000000")), 400, "sizeInMB"),
                post("a spec with -1 MB", OPERATIONS, create(spec("mem", "steady").replace("\"sizeInMB\": 128",
                        "\"sizeInMB\": -1")), 400, "sizeInMB"),
                post("a GPU resource", OPERATIONS, create(spec("gpu", "steady").replace("\"type\": \"CPU\"",
                        "\"type\": \"GPU\"")), 400, "'GPU' is not known"),
                post("an unknown placement type", OPERATIONS, create(spec("place", "steady")
                        .replace("\"MATCH_TAG\"", "\"NEAREST\"")), 400, "spec.placementPolicy.type 'NEAREST'"),
                post("an unknown job type", OPERATIONS, create(spec("job", "steady")
                        .replace("\"SERVICE\"", "\"BATCH\"")), 400, "spec.type 'BATCH' is not one of"),
                post("a spec name with a slash", OPERATIONS, create(spec("a/b", "steady")), 400, "spec.name"),
                post("a spec name of ..", OPERATIONS, create(spec("..", "steady")), 400, "spec.name"),
                post("a spec name with NUL", OPERATIONS, create(spec("a\\u0000b", "steady")), 400, "spec.name"),
                post("a spec name in unicode", OPERATIONS, create(spec("größe", "steady")), 400, "spec.name"),
                post("a spec name with an emoji", OPERATIONS, create(spec("app\uD83D\uDCA5", "steady")), 400,
                        "spec.name"),
                post("a bad duration in a spec", VALIDATE, Body.text(spec("dur", "steady")
                        .replace("\"1 second\"", "\"one second\"")), 400, "healthcheck.timeout"));
    }

    private static List<Hostile> ids() {
        var apps = "/apis/v1/applications/";
        return List.of(
                get("an app id with %2F", apps + "a%2Fb", 400, "Ambiguous URI path separator"),
                get("an app id of %2E%2E", apps + "%2E%2E/spec", 400, "Ambiguous URI path segment"),
                get("an app id with %00", apps + "a%00b", 400, "Bad Request"),
                get("an app id in unicode", apps + "gr%C3%B6%C3%9Fe-1", 404, "App größe-1 not found"),
                get("an app id with an emoji", apps + "app%F0%9F%92%A5", 404, "not found"),
                get("an app id of 10k characters", apps + "a".repeat(10_000), 414, "URI Too Long"),
                get("an instance id with a slash", apps + RUNNING + "/instances/AI%2F1", 400,
                        "Ambiguous URI path separator"),
                get("an unknown instance id", apps + RUNNING + "/instances/AI-nope", 404,
                        "Instance AI-nope of app running-1 not found"),
                post("an operation on app '..'", OPERATIONS, scale("..", "1"), 404, "not found"),
                post("an operation on app 'a/b'", OPERATIONS, scale("a/b", "1"), 404, "not found"),
                post("an operation on an app with NUL", OPERATIONS, scale("a\\u0000b", "1"), 404, "not found"),
                post("an operation on an app in unicode", OPERATIONS, scale("größe-1", "1"), 404,
                        "App größe-1 not found"),
                post("an operation on an app with an emoji", OPERATIONS, scale("\uD83D\uDCA5", "1"), 404,
                        "not found"),
                post("an operation on an empty app id", OPERATIONS, scale("", "1"), 400, "appId must not be empty"),
                post("cancel on app '..'", "/apis/v1/applications/operations/..%2E/cancel", Body.NONE, 404,
                        "not found"),
                get("a task id of '..'", "/apis/v1/tasks/x/instances/%2E.", 400, "Ambiguous URI path segment"),
                get("an unknown task", "/apis/v1/tasks/x/instances/T1", 404, "Task T1 of x not found"),
                call("deleting an unknown task", "DELETE", "/apis/v1/tasks/x/instances/T1", Map.of(), Body.NONE, 404,
                        "Task T1 of x not found"),
                post("a task kill of app '..'", TASKS, kill("..", "T1"), 400, "sourceAppName must contain only"),
                post("a task kill of app 'a/b'", TASKS, kill("a/b", "T1"), 400, "sourceAppName must contain only"),
                post("a task kill of task NUL", TASKS, kill("app", "\\u0000"), 400, "taskId must contain only"),
                post("a local service activation of '..'", SERVICES, service("ACTIVATE", ".."), 404, "not found"),
                post("a local service activation of 'a/b'", SERVICES, service("ACTIVATE", "a/b"), 404, "not found"),
                post("a local service destroy of NUL", SERVICES, service("DESTROY", "\\u0000"), 404, "not found"),
                post("a local service destroy of an emoji", SERVICES, service("DESTROY", "\uD83D\uDCA5"), 404,
                        "not found"),
                get("an unknown local service", "/apis/v1/localservices/nope", 404, "not found"),
                get("an unknown executor", "/apis/v1/cluster/executors/nope", 404, "Executor nope not found"));
    }

    private static List<Hostile> queries() {
        var apps = "/apis/v1/applications";
        return List.of(
                get("an unknown instance state filter", apps + "/" + RUNNING + "/instances?state=EXPLODED", 400,
                        "query param state 'EXPLODED' is not one of"),
                get("a negative page size", apps + "?size=-1", 400, "query param size must be between"),
                get("a page size of 2^40", apps + "?size=1099511627776", 400, "query param size must be a whole"),
                get("a page start that is a word", apps + "?from=abc", 400, "query param from must be a whole"),
                get("a negative start of old instances", apps + "/" + RUNNING + "/instances/old?start=-5", 400,
                        "query param start must be 0 or more"),
                get("an events size that is a word", "/apis/v1/cluster/events/latest?size=abc", 400, "size"),
                get("an events time that is a date", "/apis/v1/cluster/events/latest?lastSyncTime=yesterday", 400,
                        "lastSyncTime"),
                get("an unknown local service state filter", "/apis/v1/localservices/nope/instances?state=X", 400,
                        "query param state 'X' is not one of"));
    }

    /** Every operation a state refuses, thrown at the app held in that state. */
    private static List<Hostile> states(AppsInEveryState apps) {
        var rows = new ArrayList<Hostile>();
        var busy = new LinkedHashMap<String, String>();
        busy.put(SCALING, "SCALE_INSTANCES");
        busy.put(STOPPING, "STOP_INSTANCES");
        busy.put(REPLACING, "REPLACE_INSTANCES");
        busy.put(DESTROYING, "DESTROY");
        for (var app : busy.entrySet()) {
            for (var operation : everyOperation(app.getKey())) {
                rows.add(post(operation.getKey() + " on an app in " + state(app.getKey()), OPERATIONS,
                        Body.text(operation.getValue()), 409, "App " + app.getKey() + " is busy with "
                                + app.getValue()));
            }
        }
        for (var operation : everyOperation(DESTROYED)) {
            rows.add(post(operation.getKey() + " on a destroyed app", OPERATIONS, Body.text(operation.getValue()),
                    404, "App destroyed-1 not found"));
        }
        rows.add(post("STOP_INSTANCES on a MONITORING app", OPERATIONS, Body.text(op("STOP_INSTANCES", MONITORING,
                "\"instanceIds\": [\"AI-1\"],", OP_SPEC)), 409, "App monitoring-1 is MONITORING; STOP_INSTANCES is "
                + "accepted only when it is RUNNING"));
        rows.add(post("REPLACE_INSTANCES on a MONITORING app", OPERATIONS, Body.text(op("REPLACE_INSTANCES",
                MONITORING, "\"instanceIds\": [],", OP_SPEC)), 409, "REPLACE_INSTANCES is accepted only when it is "
                + "RUNNING"));
        rows.add(post("DESTROY on a RUNNING app", OPERATIONS, Body.text(op("DESTROY", RUNNING, "", OP_SPEC)), 409,
                "App running-1 is RUNNING; DESTROY is accepted only when it is MONITORING"));
        rows.add(post("STOP_INSTANCES of an instance the app does not have", OPERATIONS, Body.text(op(
                "STOP_INSTANCES", RUNNING, "\"instanceIds\": [\"AI-nope\"],", OP_SPEC)), 400,
                "App running-1 has no active instances [AI-nope]"));
        rows.add(post("REPLACE_INSTANCES of an instance the app does not have", OPERATIONS, Body.text(op(
                "REPLACE_INSTANCES", RUNNING, "\"instanceIds\": [\"AI-nope\"],", OP_SPEC)), 400,
                "has no active instances [AI-nope]"));
        rows.add(get("the instance of one app under another", AppsInEveryState.app(MONITORING) + "/instances/"
                + apps.runningInstance, 404, "Instance " + apps.runningInstance + " of app monitoring-1 not found"));
        rows.add(post("STOP_INSTANCES of another app's instance", OPERATIONS, Body.text(op("STOP_INSTANCES", STOPPING,
                "\"instanceIds\": [\"" + apps.runningInstance + "\"],", OP_SPEC)), 409, "is busy with STOP_INSTANCES"));
        rows.add(post("CREATE of an app that exists", OPERATIONS, create(spec("monitoring", "steady")), 409,
                "App monitoring-1 already exists"));
        rows.add(post("cancel on an app with no operation", "/apis/v1/applications/operations/" + MONITORING
                + "/cancel", Body.NONE, 409, "App monitoring-1 has no running operation to cancel"));
        rows.add(post("cancel on a destroyed app", "/apis/v1/applications/operations/" + DESTROYED + "/cancel",
                Body.NONE, 404, "App destroyed-1 not found"));
        return rows;
    }

    private static List<Hostile> others() {
        var logs = "/apis/v1/logfiles/applications/";
        return List.of(
                get("an events page of 0", "/apis/v1/cluster/events/latest?size=0", 400,
                        "query param size must be between 1 and 1024, not 0"),
                get("an events page of 100000", "/apis/v1/cluster/events/latest?size=100000", 400,
                        "query param size must be between 1 and 1024, not 100000"),
                get("events since a negative time", "/apis/v1/cluster/events/latest?lastSyncTime=-1", 400,
                        "query param lastSyncTime must be 0 or more, not -1"),
                get("the log files of an unknown instance", logs + RUNNING + "/AI-nope/list", 404,
                        "Instance AI-nope of app running-1 not found"),
                get("a log read from offset -5", logs + RUNNING + "/AI-nope/read/output.log?offset=-5", 400,
                        "offset must be -1 (the end of the file) or a position from 0, not -5"),
                get("a log read of length abc", logs + RUNNING + "/AI-nope/read/output.log?length=abc", 400,
                        "length must be a whole number, not abc"),
                get("a log file named %2E%2E", logs + RUNNING + "/AI-nope/read/%2E%2E", 400,
                        "Ambiguous URI path segment"),
                get("a log file named with an encoded %2F", logs + RUNNING + "/AI-nope/download/..%252F..%252Fetc", 400,
                        "Ambiguous URI path encoding"),
                get("an id that is not UTF-8", "/apis/v1/applications/%C3%28", 400, "Bad UTF-8 encoding"),
                get("an empty instance state filter", "/apis/v1/applications/" + RUNNING + "/instances?state=", 400,
                        "query param state '' is not one of"),
                get("a negative local services page", "/apis/v1/localservices?size=-1", 400,
                        "query param size must be between 0 and 1024, not -1"),
                call("an executor message with a wrong secret", "POST", MESSAGES, Map.of("Content-Type",
                        "application/json", "Node-Type", "EXECUTOR", "Cluster-Authorization", "wrong"),
                        Body.text("{}"), 401, "Wrong cluster secret for node type EXECUTOR"),
                call("an executor message from a controller", "POST", MESSAGES, withType(new LinkedHashMap<>(
                        HostileCluster.AUTH.credentials(NodeType.CONTROLLER, "c").headers()), "application/json"),
                        Body.text("{}"), 401, "Node type CONTROLLER may not call this endpoint"),
                call("an executor message without credentials", "POST", MESSAGES, JSON, Body.text("{}"), 401,
                        "Cluster node credentials are required"),
                call("an executor message that is empty", "POST", MESSAGES, executorHeaders(), Body.text("{}"),
                        400, "type"),
                call("an executor message of an unknown type", "POST", MESSAGES, executorHeaders(),
                        Body.text("{\"type\": \"EXPLODE\"}"), 400, "'EXPLODE' is not known"),
                post("a task operation of an unknown type", TASKS, Body.text("{\"type\": \"EXPLODE\"}"), 400,
                        "type 'EXPLODE' is not known"),
                post("a task kill of a task that does not exist", TASKS, Body.text("{\"type\": \"KILL\", "
                        + "\"sourceAppName\": \"nope\", \"taskId\": \"T1\", \"opSpec\": " + OP_SPEC + "}"), 404,
                        "not found"),
                post("a local service operation of an unknown type", SERVICES, Body.text("{\"type\": \"EXPLODE\"}"),
                        400, "type 'EXPLODE' is not known"),
                post("a rule dry-run without a rule", DRY_RUN, Body.text("{\"type\": \"EXPLODE\"}"), 400,
                        "ruleBasedPlacementPolicy must not be null"),
                post("a rule dry-run in an unknown rule language", DRY_RUN, Body.text("{\"ruleBasedPlacementPolicy\": "
                        + "{\"type\": \"RULE_BASED\", \"ruleType\": \"JAVASCRIPT\", \"rule\": \"true\"}, "
                        + "\"schedulingInfo\": {\"executorNodeId\": \"e1\"}}"), 400,
                        "ruleBasedPlacementPolicy.ruleType 'JAVASCRIPT' is not one of"));
    }

    private static List<Map.Entry<String, String>> everyOperation(String appId) {
        return List.of(
                Map.entry("SCALE", op("SCALE", appId, "\"requiredInstances\": 2,", OP_SPEC)),
                Map.entry("START_INSTANCES", op("START_INSTANCES", appId, "\"instances\": 1,", OP_SPEC)),
                Map.entry("STOP_INSTANCES", op("STOP_INSTANCES", appId, "\"instanceIds\": [\"AI-1\"],", OP_SPEC)),
                Map.entry("REPLACE_INSTANCES", op("REPLACE_INSTANCES", appId, "\"instanceIds\": [],", OP_SPEC)),
                Map.entry("SUSPEND", op("SUSPEND", appId, "", OP_SPEC)),
                Map.entry("DESTROY", op("DESTROY", appId, "", OP_SPEC)));
    }

    private static String state(String appId) {
        return Map.of(SCALING, "SCALING_REQUESTED", STOPPING, "STOP_INSTANCES_REQUESTED", REPLACING,
                "REPLACE_INSTANCES_REQUESTED", DESTROYING, "DESTROY_REQUESTED").get(appId);
    }

    private static Body scale(String appId, String count) {
        return Body.text(op("SCALE", appId, "\"requiredInstances\": " + count + ",", OP_SPEC));
    }

    private static Body scaleWith(String timeout, String parallelism, String strategy) {
        return Body.text(op("SCALE", MONITORING, "\"requiredInstances\": 1,", "{\"timeout\": " + timeout
                + ", \"parallelism\": " + parallelism + ", \"failureStrategy\": " + strategy + "}"));
    }

    private static Body kill(String sourceAppName, String taskId) {
        return Body.text("{\"type\": \"KILL\", \"sourceAppName\": \"" + sourceAppName + "\", \"taskId\": \"" + taskId
                + "\", \"opSpec\": " + OP_SPEC + "}");
    }

    private static Body service(String type, String serviceId) {
        return Body.text("{\"type\": \"" + type + "\", \"serviceId\": \"" + serviceId + "\"}");
    }

    private static Body create(String spec) {
        return Body.text("{\"type\": \"CREATE\", \"spec\": " + spec + ", \"instances\": 0, \"opSpec\": " + OP_SPEC
                + "}");
    }

    private static String nested(int depth) {
        return "{\"a\": ".repeat(depth) + "1" + "}".repeat(depth);
    }

    private static Hostile get(String description, String path, int status, String reason) {
        return call(description, "GET", path, Map.of(), Body.NONE, status, reason);
    }

    private static Hostile post(String description, String path, Body body, int status, String reason) {
        return call(description, "POST", path, JSON, body, status, reason);
    }

    private static Hostile call(String description, String method, String path, Map<String, String> headers,
                                Body body, int status, String reason) {
        return new Hostile(description, method, path, headers, body, status, reason);
    }

    private static Map<String, String> executorHeaders() {
        var headers = new LinkedHashMap<>(HostileCluster.AUTH.credentials(NodeType.EXECUTOR, "hostile").headers());
        headers.put("Content-Type", "application/json");
        return headers;
    }

    private static Map<String, String> withType(Map<String, String> headers, String type) {
        var copy = new LinkedHashMap<>(headers);
        copy.put("Content-Type", type);
        return copy;
    }

    /** A JSON string of exactly {@code size} bytes ({@code "xxx…"}), made as it is read. */
    private static final class JsonStringStream extends InputStream {
        private final long size;
        private long position;

        JsonStringStream(long size) {
            this.size = size;
        }

        @Override
        public int read() {
            if (position >= size) {
                return -1;
            }
            var at = position++;
            return at == 0 || at == size - 1 ? '"' : 'x';
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            if (position >= size) {
                return -1;
            }
            var count = (int) Math.min(length, size - position);
            for (int i = 0; i < count; i++) {
                buffer[offset + i] = (byte) read();
            }
            return count;
        }
    }
}
