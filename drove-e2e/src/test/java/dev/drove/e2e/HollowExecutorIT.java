package dev.drove.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.drove.e2e.bench.FleetProcess;
import dev.drove.models.json.Json;
import org.apache.curator.test.TestingServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Hollow executors (issue 11) against the real controller jar and a real ZooKeeper, without Docker: the controller
 * admits them, places instances on them and sees every instance walk its states, as with real executors.
 */
class HollowExecutorIT {
    private static final String APP_ID = "TEST_APP-1";
    private static final Duration LONG = Duration.ofSeconds(90);

    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path dir;
    private TestingServer zookeeper;
    private TestCluster cluster;
    private FleetProcess fleet;

    @BeforeEach
    void startCluster() throws Exception {
        zookeeper = new TestingServer(true);
        cluster = new TestCluster(dir, zookeeper.getConnectString());
        cluster.addController();
        fleet = FleetProcess.start(dir, "fleet", zookeeper.getConnectString(), FleetProcess.freePortRange(3), 3,
                TestCluster.EXECUTOR_SECRET, TestCluster.CONTROLLER_SECRET, "256m",
                List.of("--state-ms", "50", "--task-run-ms", "1500", "--cores-per-node", "4",
                        "--memory-per-node-mb", "4096"));
    }

    @AfterEach
    void stopCluster() throws Exception {
        fleet.close();
        cluster.close();
        zookeeper.close();
    }

    @Test
    void anAppScaledToTenOnHollowExecutorsGetsTenHealthyInstancesAndScalingToZeroStopsThemAll() throws Exception {
        fleet.awaitReady(LONG);
        var api = cluster.awaitReady(3);
        var executors = api.get("/apis/v1/cluster/executors").data();
        executors.forEach(executor -> {
            assertThat(executor.get("freeCores").asInt()).as("2 NUMA nodes x 4 cores offered").isEqualTo(8);
            assertThat(executor.get("tags").toString()).as("the hostname is a tag").contains("127.0.0.1");
        });

        assertThat(api.post("/apis/v1/applications/operations", createOp()).status()).isEqualTo(200);
        await("app MONITORING").atMost(LONG).until(() -> "MONITORING".equals(
                api.get("/apis/v1/applications/" + APP_ID).data().get("state").asText()));
        assertThat(api.post("/apis/v1/applications/operations", scaleOp(10)).status()).isEqualTo(200);
        await("10 healthy instances").atMost(LONG).until(() -> instances(api, "HEALTHY").size() == 10);
        await("app RUNNING").atMost(LONG).until(() -> "RUNNING".equals(
                api.get("/apis/v1/applications/" + APP_ID).data().get("state").asText()));
        var healthy = instances(api, "HEALTHY");
        var hosts = new HashSet<String>();
        healthy.forEach(instance -> {
            hosts.add(instance.get("executorId").asText());
            assertThat(instance.at("/localInfo/ports/main/hostPort").asInt()).as("a made-up host port").isPositive();
        });
        assertThat(hosts).as("8 cores per executor: 10 one-core instances need at least two").hasSizeGreaterThan(1);
        assertThat(api.get("/apis/v1/applications/" + APP_ID).data().get("healthyInstances").asInt()).isEqualTo(10);

        assertThat(api.post("/apis/v1/applications/operations", scaleOp(0)).status()).isEqualTo(200);
        await("no live instances").atMost(LONG).until(() -> instances(api, null).isEmpty());
        var old = api.get("/apis/v1/applications/" + APP_ID + "/instances/old").data();
        var stopped = StreamSupport.stream(old.spliterator(), false)
                .filter(instance -> "STOPPED".equals(instance.get("state").asText())).count();
        assertThat(stopped).isEqualTo(10);
        var free = api.get("/apis/v1/cluster").data();
        assertThat(free.get("freeCores").asInt()).as("every core back").isEqualTo(free.get("totalCores").asInt());
    }

    @Test
    void aTaskOnAHollowExecutorRunsToCompletionWithASuccessfulResult() throws Exception {
        fleet.awaitReady(LONG);
        var api = cluster.awaitReady(3);
        var created = api.post("/apis/v1/tasks/operations", taskOp());
        assertThat(created.status()).as(created::toString).isEqualTo(200);

        var seen = new ArrayList<String>();
        var done = await("T0001 STOPPED").atMost(LONG).pollInterval(Duration.ofMillis(100))
                .until(() -> {
                    var task = api.get("/apis/v1/tasks/TEST_APP/instances/T0001");
                    if (task.status() != 200) {
                        return null;
                    }
                    var state = task.data().get("state").asText();
                    if (seen.isEmpty() || !seen.get(seen.size() - 1).equals(state)) {
                        seen.add(state);
                    }
                    return task.data();
                }, task -> task != null && "STOPPED".equals(task.get("state").asText()));
        assertThat(done.at("/taskResult/status").asText()).isEqualTo("SUCCESSFUL");
        assertThat(done.at("/taskResult/exitCode").asLong()).isZero();
        assertThat(seen).as("a 1.5 s run is seen running").contains("RUNNING");
        assertThat(api.get("/apis/v1/tasks").data()).as("finished tasks are not active").isEmpty();
    }

    private static List<JsonNode> instances(DroveApi api, String state) {
        var answer = api.get("/apis/v1/applications/" + APP_ID + "/instances");
        if (answer.status() != 200 || answer.data() == null) {
            return List.of();
        }
        return StreamSupport.stream(answer.data().spliterator(), false)
                .filter(instance -> state == null || state.equals(instance.get("state").asText()))
                .toList();
    }

    private JsonNode createOp() {
        try (var in = getClass().getResourceAsStream("/test-app.json")) {
            var spec = (ObjectNode) Json.mapper().readTree(in);
            ((ObjectNode) spec.get("executable")).put("url", "hollow/never-pulled:1");
            var op = Json.mapper().createObjectNode();
            op.put("type", "CREATE");
            op.set("spec", spec);
            op.set("opSpec", Json.mapper().valueToTree(opSpec(1)));
            return op;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, Object> scaleOp(int instances) {
        return Map.of("type", "SCALE", "appId", APP_ID, "requiredInstances", instances, "opSpec", opSpec(5));
    }

    private static Map<String, Object> taskOp() {
        var spec = Map.of("sourceAppName", "TEST_APP", "taskId", "T0001",
                "executable", Map.of("type", "DOCKER", "url", "hollow/never-pulled:1",
                        "dockerPullTimeout", "100 seconds"),
                "resources", List.of(Map.of("type", "CPU", "count", 1), Map.of("type", "MEMORY", "sizeInMB", 16)),
                "placementPolicy", Map.of("type", "ANY"),
                "env", Map.of(), "args", List.of(), "tags", Map.of(),
                "logging", Map.of("type", "LOCAL", "maxSize", "100m", "maxFiles", 3, "compress", true));
        return Map.of("type", "CREATE", "spec", spec, "opSpec", opSpec(1));
    }

    private static Map<String, Object> opSpec(int parallelism) {
        return Map.of("timeout", "2m", "parallelism", parallelism, "failureStrategy", "STOP");
    }
}
