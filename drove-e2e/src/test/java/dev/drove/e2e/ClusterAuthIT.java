package dev.drove.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.dockerjava.api.DockerClient;
import dev.drove.common.discovery.ExecutorId;
import dev.drove.common.discovery.NodeDataStore;
import dev.drove.common.testkit.DockerExtension;
import dev.drove.common.testkit.TestImage;
import dev.drove.common.testkit.TestImages;
import dev.drove.common.testkit.ZookeeperExtension;
import dev.drove.models.json.Json;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.StreamSupport;

import static dev.drove.e2e.TestCluster.EXECUTOR_HOST;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 7, cluster auth: an executor started with the wrong executor secret publishes itself in ZooKeeper like any
 * other, but the controller counts an executor only once a message from it passed the cluster auth filter. So it is
 * never listed, the controller's log names it, and no instance is placed on it.
 */
@ExtendWith(DockerExtension.class)
class ClusterAuthIT {
    private static final String APP_ID = "TEST_APP-1";
    private static final Duration LONG = Duration.ofSeconds(120);
    /** How long the executor list is watched once the good executor is in it. */
    private static final Duration SAMPLE = Duration.ofSeconds(15);
    private static final Map<String, Object> OP_SPEC = Map.of("timeout", "2m", "parallelism", 3,
            "failureStrategy", "STOP");
    private static final String NOT_AUTHENTICATED = "published itself but has not authenticated; "
            + "check clusterAuth.secrets";

    @RegisterExtension
    static final ClusterExtension cluster = ClusterExtension.builder().build();

    private String image;

    @BeforeEach
    void tagTheAppImage(DockerClient docker) throws Exception {
        image = TestImages.unpullable(docker, TestImage.APP);
    }

    @Test
    void anExecutorWithTheWrongSecretIsNeverListedIsNamedInTheLogAndGetsNoWork(DockerClient docker) {
        var controller = cluster.addController();
        cluster.awaitReady(0);
        var good = cluster.addExecutor();
        var bad = cluster.addExecutorWithSecret("not-the-cluster-executor-secret");
        var goodId = ExecutorId.of(EXECUTOR_HOST, good.port());
        var badId = ExecutorId.of(EXECUTOR_HOST, bad.port());

        var api = cluster.awaitReady(1);
        try (var curator = ZookeeperExtension.newClient(cluster.zookeeper().getConnectString());
             var nodes = new NodeDataStore(curator.usingNamespace("drove"))) {
            await("the bad executor's entry in ZooKeeper").atMost(LONG).until(() -> nodes.executors().stream()
                    .anyMatch(node -> ExecutorId.of(node.hostname(), node.port()).equals(badId)));
        }

        await("only the good executor, for " + SAMPLE.toSeconds() + " s").during(SAMPLE).atMost(SAMPLE.multipliedBy(3))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> listed(api).equals(Set.of(goodId))
                        && api.get("/apis/v1/cluster").data().get("numExecutors").asInt() == 1);
        assertThat(api.get("/apis/v1/cluster/executors/" + badId).status()).isEqualTo(404);
        assertThat(bad.isAlive()).isTrue();

        await("the controller's warning").atMost(LONG).until(() -> warnings(controller).size() == 1);
        assertThat(warnings(controller)).singleElement().asString().startsWith("WARN").contains(badId)
                .contains(EXECUTOR_HOST + ":" + bad.port());
        assertThat(controller.output()).doesNotContain(goodId + " (" + EXECUTOR_HOST + ":" + good.port() + ") "
                + NOT_AUTHENTICATED);
        assertThat(bad.output()).as("the executor is told why").contains("HTTP 401");

        var created = api.post("/apis/v1/applications/operations", createOp());
        assertThat(created.status()).as(created::toString).isEqualTo(200);
        await("the app in MONITORING").atMost(LONG).until(() -> {
            var app = api.get("/apis/v1/applications/" + APP_ID);
            return app.status() == 200 && "MONITORING".equals(app.data().get("state").asText());
        });
        var scaled = api.post("/apis/v1/applications/operations", Map.of("type", "SCALE", "appId", APP_ID,
                "requiredInstances", 3, "opSpec", OP_SPEC));
        assertThat(scaled.status()).as(scaled::toString).isEqualTo(200);
        await("three healthy instances").atMost(LONG).until(() -> healthyInstances(api).size() == 3);
        assertThat(healthyInstances(api)).extracting(i -> i.get("executorId").asText()).containsOnly(goodId);
        assertThat(docker.listContainersCmd().withShowAll(true)
                .withLabelFilter(Map.of("drove.executor.id", badId)).exec()).isEmpty();
        assertThat(warnings(controller)).as("named once").hasSize(1);
    }

    private static Set<String> listed(DroveApi api) {
        var answer = api.get("/apis/v1/cluster/executors");
        var ids = new HashSet<String>();
        if (answer.status() == 200) {
            answer.data().forEach(executor -> ids.add(executor.get("executorId").asText()));
        }
        return ids;
    }

    private static List<String> warnings(ServiceProcess controller) {
        return controller.output().lines().filter(line -> line.contains(NOT_AUTHENTICATED)).toList();
    }

    private JsonNode createOp() {
        try (var in = getClass().getResourceAsStream("/test-app.json")) {
            var spec = (ObjectNode) Json.mapper().readTree(in);
            ((ObjectNode) spec.get("executable")).put("url", image);
            var op = Json.mapper().createObjectNode();
            op.put("type", "CREATE");
            op.set("spec", spec);
            op.put("instances", 0);
            op.set("opSpec", Json.mapper().valueToTree(OP_SPEC));
            return op;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<JsonNode> healthyInstances(DroveApi api) {
        var answer = api.get("/apis/v1/applications/" + APP_ID + "/instances");
        if (answer.status() != 200 || answer.data() == null) {
            return List.of();
        }
        return StreamSupport.stream(answer.data().spliterator(), false)
                .filter(i -> "HEALTHY".equals(i.get("state").asText()))
                .toList();
    }
}
