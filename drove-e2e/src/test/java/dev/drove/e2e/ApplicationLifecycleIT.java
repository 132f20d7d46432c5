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
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 4's end-to-end flow on a real cluster: controller and executor jars as processes, a real ZooKeeper and the
 * local Docker engine, driven only through the documented REST API.
 */
@ExtendWith(DockerExtension.class)
class ApplicationLifecycleIT {
    private static final String APP_ID = "TEST_APP-1";
    private static final Duration LONG = Duration.ofSeconds(120);

    @RegisterExtension
    static final ClusterExtension cluster = ClusterExtension.builder().withZookeeperSessionTimeout("5s").build();

    private String image;

    @BeforeEach
    void tagTheAppImage(DockerClient docker) throws Exception {
        image = TestImages.unpullable(docker, TestImage.APP);
    }

    @Test
    void theDocsSampleAppIsCreatedScaledReplacedHealedScaledDownAndDestroyed(DockerClient docker) {
        cluster.addController();
        cluster.addExecutor();
        var api = cluster.awaitReady(1);

        var created = api.post("/apis/v1/applications/operations", createOp(0));
        assertThat(created.status()).as(created::toString).isEqualTo(200);
        assertThat(created.data().get("appId").asText()).isEqualTo(APP_ID);
        awaitAppState(api, "MONITORING");

        assertThat(api.post("/apis/v1/applications/operations", scaleOp(3)).status()).isEqualTo(200);
        awaitHealthy(api, 3);
        awaitAppState(api, "RUNNING");
        var instances = healthyInstances(api);
        var cores = new HashSet<Integer>();
        instances.forEach(i -> i.at("/resources").forEach(r -> r.path("cores").forEach(
                node -> node.forEach(core -> assertThat(cores.add(core.asInt())).as("core reused").isTrue()))));
        assertThat(cores).hasSize(3);

        var oldIds = ids(instances);
        var lowestHealthy = new AtomicInteger(3);
        assertThat(api.post("/apis/v1/applications/operations", Map.of("type", "REPLACE_INSTANCES", "appId", APP_ID,
                "opSpec", opSpec(1))).status()).isEqualTo(200);
        await("all instances replaced").atMost(LONG).pollInterval(Duration.ofMillis(200)).until(() -> {
            var now = healthyInstances(api);
            lowestHealthy.set(Math.min(lowestHealthy.get(), now.size()));
            return now.size() == 3 && ids(now).stream().noneMatch(oldIds::contains);
        });
        assertThat(lowestHealthy.get()).as("healthy instances during the replace").isGreaterThanOrEqualTo(3);
        awaitAppState(api, "RUNNING");

        var victim = healthyInstances(api).get(0).get("instanceId").asText();
        docker.killContainerCmd(APP_ID + "-" + victim).exec();
        await("the killed instance is replaced").atMost(LONG).until(() -> {
            var now = ids(healthyInstances(api));
            return now.size() == 3 && !now.contains(victim);
        });

        assertThat(api.post("/apis/v1/applications/operations", scaleOp(0)).status()).isEqualTo(200);
        awaitAppState(api, "MONITORING");
        assertThat(healthyInstances(api)).isEmpty();
        await("containers gone").atMost(LONG).until(() -> docker.listContainersCmd().withShowAll(true)
                .withLabelFilter(List.of("drove.instance.id")).exec().isEmpty());

        assertThat(api.post("/apis/v1/applications/operations", Map.of("type", "DESTROY", "appId", APP_ID,
                "opSpec", opSpec(1))).status()).isEqualTo(200);
        await("app destroyed").atMost(LONG).until(() -> api.get("/apis/v1/applications/" + APP_ID).status() == 404);
    }

    @Test
    void badSpecsAndConflictingOperationsAreRefusedWithReasons() {
        cluster.addController();
        cluster.addExecutor();
        var api = cluster.awaitReady(1);

        var bad = (ObjectNode) createOp(0);
        ((ObjectNode) bad.get("spec")).remove("resources");
        var refused = api.post("/apis/v1/applications/operations", bad);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body().get("message").asText()).isEqualTo("Command validation failure");
        assertThat(refused.data().get("validationErrors").toString()).contains("spec.resources");
        assertThat(api.get("/apis/v1/applications").data().size()).isZero();

        assertThat(api.post("/apis/v1/applications/operations", createOp(0)).status()).isEqualTo(200);
        awaitAppState(api, "MONITORING");
        var again = api.post("/apis/v1/applications/operations", createOp(0));
        assertThat(again.status()).as(again::toString).isEqualTo(409);
        var destroyUnknown = api.post("/apis/v1/applications/operations",
                Map.of("type", "DESTROY", "appId", "NOPE-1", "opSpec", opSpec(1)));
        assertThat(destroyUnknown.status()).isEqualTo(404);
        var replaceInMonitoring = api.post("/apis/v1/applications/operations",
                Map.of("type", "REPLACE_INSTANCES", "appId", APP_ID, "opSpec", opSpec(1)));
        assertThat(replaceInMonitoring.status()).as(replaceInMonitoring::toString).isEqualTo(409);
    }

    @Test
    void whenTheLeaderIsKilledTheOtherControllerTakesOverAndTheAppKeepsItsContainers() throws Exception {
        var first = cluster.addController();
        var api = cluster.awaitReady(0);
        var second = cluster.addController();
        cluster.addExecutor();
        api = cluster.awaitReady(1);
        var leader = cluster.leader().orElseThrow();
        var follower = leader == first ? second : first;

        var viaFollower = cluster.api(follower);
        assertThat(viaFollower.post("/apis/v1/applications/operations", createOp(2)).status()).isEqualTo(200);
        awaitHealthy(viaFollower, 2);
        var before = ids(healthyInstances(viaFollower));

        leader.kill();
        await("the follower becomes leader").atMost(LONG)
                .until(() -> cluster.api(follower).get("/apis/v1/ping").status() == 200);
        var newLeader = cluster.api(follower);
        await("the app is RUNNING under the new leader").atMost(LONG)
                .until(() -> "RUNNING".equals(newLeader.get("/apis/v1/applications/" + APP_ID).data()
                        .get("state").asText()));
        awaitHealthy(newLeader, 2);
        assertThat(ids(healthyInstances(newLeader))).isEqualTo(before);

        assertThat(newLeader.post("/apis/v1/applications/operations", scaleOp(3)).status()).isEqualTo(200);
        awaitHealthy(newLeader, 3);
        assertThat(ids(healthyInstances(newLeader))).containsAll(before);
    }

    private JsonNode createOp(int instances) {
        try (var in = getClass().getResourceAsStream("/test-app.json")) {
            var spec = (ObjectNode) Json.mapper().readTree(in);
            ((ObjectNode) spec.get("executable")).put("url", image);
            var op = Json.mapper().createObjectNode();
            op.put("type", "CREATE");
            op.set("spec", spec);
            op.put("instances", instances);
            op.set("opSpec", Json.mapper().valueToTree(opSpec(1)));
            return op;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, Object> scaleOp(int instances) {
        return Map.of("type", "SCALE", "appId", APP_ID, "requiredInstances", instances, "opSpec", opSpec(3));
    }

    private static Map<String, Object> opSpec(int parallelism) {
        return Map.of("timeout", "2m", "parallelism", parallelism, "failureStrategy", "STOP");
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

    private static Set<String> ids(List<JsonNode> instances) {
        var ids = new HashSet<String>();
        instances.forEach(i -> ids.add(i.get("instanceId").asText()));
        return ids;
    }

    private static void awaitHealthy(DroveApi api, int count) {
        await(count + " healthy instances").atMost(LONG).until(() -> healthyInstances(api).size() == count);
    }

    private static void awaitAppState(DroveApi api, String state) {
        await("app " + state).atMost(LONG).until(() -> {
            var app = api.get("/apis/v1/applications/" + APP_ID);
            return app.status() == 200 && state.equals(app.data().get("state").asText());
        });
    }
}
