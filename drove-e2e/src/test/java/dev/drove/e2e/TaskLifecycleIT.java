package dev.drove.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.dockerjava.api.DockerClient;
import dev.drove.common.testkit.DockerExtension;
import dev.drove.common.testkit.TestImage;
import dev.drove.common.testkit.TestImages;
import dev.drove.models.json.Json;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 5's task flow on a real cluster: controller and executor jars as processes, a real ZooKeeper and the local
 * Docker engine with the kit's task image, driven only through the documented REST API with drove-cli-style bodies
 * (docs: tasks/operations.md, apis/task.md).
 */
@ExtendWith(DockerExtension.class)
class TaskLifecycleIT {
    private static final String APP = "TEST_APP";
    private static final Duration LONG = Duration.ofSeconds(120);
    /** The docs' sample spec (tasks/specification.md), without its host volume; the image is the kit's task image. */
    private static final String SPEC = """
            {
                "sourceAppName": "TEST_APP",
                "taskId": "T0012",
                "executable": {"type": "DOCKER", "url": "replaced-by-the-test", "dockerPullTimeout": "100 seconds"},
                "resources": [{"type": "CPU", "count": 1}, {"type": "MEMORY", "sizeInMB": 16}],
                "configs": [{"type": "INLINE", "localFilename": "/testfiles/drove.txt", "data": "RHJvdmUgdGVzdA=="}],
                "placementPolicy": {"type": "ANY"},
                "env": {"ITERATIONS": "2", "SLEEP_SECONDS": "1", "EXIT_CODE": "0"},
                "args": [],
                "tags": {"superSpecialApp": "yes_i_am", "say_my_name": "heisenberg"},
                "logging": {"type": "LOCAL", "maxSize": "100m", "maxFiles": 3, "compress": true}
            }""";
    private static final List<String> HAPPY_PATH = List.of("PENDING", "PROVISIONING", "STARTING", "RUNNING",
            "RUN_COMPLETED", "DEPROVISIONING", "STOPPED");

    @RegisterExtension
    static final ClusterExtension cluster = ClusterExtension.builder().build();

    private String image;

    @BeforeEach
    void tagTheTaskImage(DockerClient docker) throws Exception {
        image = TestImages.unpullable(docker, TestImage.TASK);
    }

    @Test
    void tasksRunToTheirEndAndReportTheExitCodeOfTheirContainer() {
        cluster.addController();
        cluster.addExecutor();
        var api = cluster.awaitReady(1);

        var passing = api.post("/apis/v1/tasks/operations", createOp("T0012", Map.of("EXIT_CODE", "0")));
        assertThat(passing.status()).as(passing::toString).isEqualTo(200);
        assertThat(passing.body().get("status").asText()).isEqualTo("SUCCESS");
        assertThat(passing.body().get("message").asText()).isEqualTo("success");
        assertThat(passing.data().get("taskId").asText()).isEqualTo("TEST_APP-T0012");
        var failing = api.post("/apis/v1/tasks/operations", createOp("T0013", Map.of("EXIT_CODE", "3")));
        assertThat(failing.status()).as(failing::toString).isEqualTo(200);
        assertThat(failing.data().get("taskId").asText()).isEqualTo("TEST_APP-T0013");

        var seen = new ArrayList<String>();
        var passed = await("T0012 STOPPED").atMost(LONG).pollInterval(Duration.ofMillis(100))
                .until(() -> record(seen, task(api, "T0012")), t -> t != null && "STOPPED".equals(state(t)));
        assertThat(seen).as("states seen, in order").isSortedAccordingTo(
                (a, b) -> Integer.compare(HAPPY_PATH.indexOf(a), HAPPY_PATH.indexOf(b)));
        assertThat(seen).contains("RUNNING", "STOPPED");
        assertThat(passed.at("/taskResult/status").asText()).isEqualTo("SUCCESSFUL");
        assertThat(passed.at("/taskResult/exitCode").asLong()).isZero();
        assertThat(passed.get("instanceId").asText()).startsWith("TI-");
        assertThat(passed.get("hostname").asText()).isEqualTo("127.0.0.1");
        assertThat(passed.at("/env/ITERATIONS").asText()).isEqualTo("2");
        assertThat(passed.at("/executable/url").asText()).isEqualTo(image);

        var failed = await("T0013 STOPPED").atMost(LONG)
                .until(() -> task(api, "T0013"), t -> t != null && "STOPPED".equals(state(t)));
        assertThat(failed.at("/taskResult/status").asText()).isEqualTo("FAILED");
        assertThat(failed.at("/taskResult/exitCode").asLong()).isEqualTo(3);
        assertThat(api.get("/apis/v1/tasks").data()).as("finished tasks are not active").isEmpty();
    }

    @Test
    void aLongTaskIsKilledAndEndsWithANonZeroExitCode() {
        cluster.addController();
        cluster.addExecutor();
        var api = cluster.awaitReady(1);

        var created = api.post("/apis/v1/tasks/operations",
                createOp("T0012", Map.of("ITERATIONS", "100", "SLEEP_SECONDS", "1")));
        assertThat(created.status()).as(created::toString).isEqualTo(200);
        await("T0012 RUNNING").atMost(LONG).until(() -> task(api, "T0012"),
                t -> t != null && "RUNNING".equals(state(t)));
        var active = api.get("/apis/v1/tasks");
        assertThat(active.data()).hasSize(1);
        assertThat(active.data().get(0).get("taskId").asText()).isEqualTo("T0012");

        var killed = api.post("/apis/v1/tasks/operations", Map.of("type", "KILL", "sourceAppName", APP,
                "taskId", "T0012", "opSpec", opSpec()));
        assertThat(killed.status()).as(killed::toString).isEqualTo(200);
        assertThat(killed.data().get("taskId").asText()).isEqualTo("T0012");

        var stopped = await("T0012 STOPPED after its KILL").atMost(Duration.ofSeconds(60))
                .until(() -> task(api, "T0012"), t -> t != null && "STOPPED".equals(state(t)));
        assertThat(stopped.at("/taskResult/exitCode").asLong()).isNotZero();
        assertThat(stopped.at("/taskResult/status").asText()).isEqualTo("CANCELLED");
        assertThat(api.get("/apis/v1/tasks").data()).isEmpty();

        var again = api.post("/apis/v1/tasks/operations", Map.of("type", "KILL", "sourceAppName", APP,
                "taskId", "T0012", "opSpec", opSpec()));
        assertThat(again.status()).as(again::toString).isEqualTo(409);
        assertThat(again.body().get("message").asText()).contains("already finished (STOPPED)");
    }

    @Test
    void aTaskWhoseExecutorVanishesIsLostAfterTheGracePeriodAndNotRetried() throws Exception {
        cluster.addController();
        var executor = cluster.addExecutor();
        var api = cluster.awaitReady(1);
        assertThat(api.post("/apis/v1/tasks/operations",
                createOp("T0012", Map.of("ITERATIONS", "100", "SLEEP_SECONDS", "1"))).status()).isEqualTo(200);
        var running = await("T0012 RUNNING").atMost(LONG).until(() -> task(api, "T0012"),
                t -> t != null && "RUNNING".equals(state(t)));

        executor.kill();

        var lost = await("T0012 LOST once the executor's grace period (10 s) is over").atMost(LONG)
                .until(() -> task(api, "T0012"), t -> t != null && "LOST".equals(state(t)));
        assertThat(lost.get("instanceId").asText()).as("not retried").isEqualTo(running.get("instanceId").asText());
        assertThat(lost.at("/taskResult/status").asText()).isEqualTo("LOST");
        assertThat(lost.get("errorMessage").asText()).contains("grace period");
        assertThat(api.get("/apis/v1/tasks").data()).isEmpty();
    }

    @Test
    void drovecliBodiesGetTheDocumentedAnswers() {
        cluster.addController();
        cluster.addExecutor();
        var api = cluster.awaitReady(1);

        var valid = api.post("/apis/v1/tasks/validate/spec", spec("T0012", Map.of()));
        assertThat(valid.status()).as(valid::toString).isEqualTo(200);
        assertThat(valid.data().get("valid").asBoolean()).isTrue();

        var bad = (ObjectNode) createOp("T0012", Map.of());
        ((ObjectNode) bad.get("spec")).remove("resources");
        var refused = api.post("/apis/v1/tasks/operations", bad);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body().get("status").asText()).isEqualTo("FAILED");
        assertThat(refused.body().get("message").asText()).isEqualTo("Command validation failure");
        assertThat(refused.data().get("validationErrors").toString()).contains("spec.resources");
        assertThat(api.get("/apis/v1/tasks/TEST_APP/instances/T0012").status()).isEqualTo(404);

        var unknownKill = api.post("/apis/v1/tasks/operations", Map.of("type", "KILL", "sourceAppName", APP,
                "taskId", "T0099", "opSpec", opSpec()));
        assertThat(unknownKill.status()).as(unknownKill::toString).isEqualTo(404);
        assertThat(unknownKill.body().get("message").asText()).isEqualTo("Task T0099 of TEST_APP not found");

        var tooBig = (ObjectNode) createOp("T0050", Map.of());
        ((ObjectNode) tooBig.at("/spec/resources/0")).put("count", 4096);
        var noRoom = api.post("/apis/v1/tasks/operations", tooBig);
        assertThat(noRoom.status()).as(noRoom::toString).isEqualTo(400);
        assertThat(noRoom.body().get("message").asText()).contains("4096 cores");

        assertThat(api.post("/apis/v1/tasks/operations", createOp("T0012", Map.of())).status()).isEqualTo(200);
        var duplicate = api.post("/apis/v1/tasks/operations", createOp("T0012", Map.of()));
        assertThat(duplicate.status()).as(duplicate::toString).isEqualTo(409);
        assertThat(duplicate.body().get("message").asText()).isEqualTo("Task T0012 of TEST_APP already exists");

        var running = api.delete("/apis/v1/tasks/TEST_APP/instances/T0012");
        assertThat(running.status()).as(running::toString).isEqualTo(409);
        assertThat(running.data().get("deleted").asBoolean()).isFalse();
        await("T0012 STOPPED").atMost(LONG).until(() -> task(api, "T0012"),
                t -> t != null && "STOPPED".equals(state(t)));
        var again = api.post("/apis/v1/tasks/operations", createOp("T0012", Map.of()));
        assertThat(again.status()).as("a finished task's id stays taken until its metadata goes").isEqualTo(409);

        var search = api.postForm("/apis/v1/tasks/search", "taskSearchAppName=TEST_APP&taskSearchTaskID=T0012");
        assertThat(search.status()).isEqualTo(303);
        assertThat(search.location()).endsWith("/tasks/TEST_APP/T0012");
        var missing = api.postForm("/apis/v1/tasks/search", "taskSearchAppName=TEST_APP&taskSearchTaskID=T0099");
        assertThat(missing.status()).isEqualTo(303);
        assertThat(missing.location()).endsWith("/");

        var deleted = api.delete("/apis/v1/tasks/TEST_APP/instances/T0012");
        assertThat(deleted.status()).as(deleted::toString).isEqualTo(200);
        assertThat(deleted.data().get("deleted").asBoolean()).isTrue();
        assertThat(api.get("/apis/v1/tasks/TEST_APP/instances/T0012").status()).isEqualTo(404);
        var gone = api.delete("/apis/v1/tasks/TEST_APP/instances/T0012");
        assertThat(gone.body().get("status").asText()).isEqualTo("FAILED");
        assertThat(gone.data().get("deleted").asBoolean()).isFalse();
    }

    private JsonNode createOp(String taskId, Map<String, String> env) {
        var op = Json.mapper().createObjectNode();
        op.put("type", "CREATE");
        op.set("spec", spec(taskId, env));
        op.set("opSpec", Json.mapper().valueToTree(opSpec()));
        return op;
    }

    private ObjectNode spec(String taskId, Map<String, String> env) {
        try {
            var spec = (ObjectNode) Json.mapper().readTree(SPEC);
            spec.put("taskId", taskId);
            ((ObjectNode) spec.get("executable")).put("url", image);
            env.forEach(((ObjectNode) spec.get("env"))::put);
            return spec;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, Object> opSpec() {
        return Map.of("timeout", "5m", "parallelism", 1, "failureStrategy", "STOP");
    }

    /** The task's info from the single GET, or null while it is not there. */
    private JsonNode task(DroveApi api, String taskId) {
        var answer = api.get("/apis/v1/tasks/" + APP + "/instances/" + taskId);
        if (answer.status() != 200) {
            return null;
        }
        return answer.data();
    }

    private static String state(JsonNode task) {
        return task.get("state").asText();
    }

    /** Adds the task's state to {@code seen} when it differs from the last one seen. */
    private static JsonNode record(List<String> seen, JsonNode task) {
        if (task != null && (seen.isEmpty() || !seen.get(seen.size() - 1).equals(state(task)))) {
            seen.add(state(task));
        }
        return task;
    }
}
