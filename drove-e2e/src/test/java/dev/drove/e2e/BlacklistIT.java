package dev.drove.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.dockerjava.api.DockerClient;
import dev.drove.common.discovery.ExecutorId;
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
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 6, executor blacklisting, on a real cluster (docs: cluster/maintenance.md "Executor blacklisting";
 * apis/cluster.md): a blacklisted executor's application instances move to the other executor one at a time, the
 * application never running fewer HEALTHY instances than it should; the executor then shows BLACKLISTED, takes no new
 * work, and takes work again once unblacklisted.
 */
@ExtendWith(DockerExtension.class)
class BlacklistIT {
    private static final String APP_ID = "TEST_APP-1";
    private static final Duration LONG = Duration.ofSeconds(180);
    private static final Duration SAMPLE = Duration.ofMillis(200);

    @RegisterExtension
    static final ClusterExtension cluster = ClusterExtension.builder().build();

    private String image;

    @BeforeEach
    void tagTheAppImage(DockerClient docker) throws Exception {
        image = TestImages.unpullable(docker, TestImage.APP);
    }

    @Test
    void blacklistingMovesTheAppAwayKeepingItsHealthyCountAndUnblacklistingMakesTheExecutorEligibleAgain() {
        cluster.addController();
        var first = cluster.addExecutor();
        var api = cluster.awaitReady(1);
        var a = ExecutorId.of(TestCluster.EXECUTOR_HOST, first.port());
        assertThat(api.post("/apis/v1/applications/operations", createOp(2)).status()).isEqualTo(200);
        awaitOn(api, "2 instances on A", 2, a);
        var second = cluster.addExecutor();
        api = cluster.awaitReady(2);
        var b = ExecutorId.of(TestCluster.EXECUTOR_HOST, second.port());

        var blacklisted = api.post("/apis/v1/cluster/executors/blacklist?id=" + a + "&id=no-such-executor", "");

        assertThat(blacklisted.status()).as(blacklisted::toString).isEqualTo(200);
        assertThat(ids(blacklisted.data().get("successful"))).containsExactly(a);
        assertThat(ids(blacklisted.data().get("failed"))).containsExactly("no-such-executor");
        var lowest = new AtomicInteger(Integer.MAX_VALUE);
        var moved = api;
        await("both instances moved to B and A BLACKLISTED").atMost(LONG).pollInterval(SAMPLE).until(() -> {
            var healthy = healthyInstances(moved);
            lowest.accumulateAndGet(healthy.size(), Math::min);
            return healthy.size() == 2 && executorsOf(healthy).equals(List.of(b, b))
                    && "BLACKLISTED".equals(executorState(moved, a));
        });
        assertThat(lowest.get()).as("fewest HEALTHY instances while moving").isGreaterThanOrEqualTo(2);
        assertThat(appState(api)).isEqualTo("RUNNING");
        assertThat(executorState(api, b)).isEqualTo("ACTIVE");
        var events = api.get("/apis/v1/cluster/events/summary?lastSyncTime=0").data().get("eventsCount");
        assertThat(events.path("EXECUTOR_BLACKLIST_REQUESTED").asInt()).isEqualTo(1);
        assertThat(events.path("EXECUTOR_BLACKLISTED").asInt()).isEqualTo(1);

        assertThat(api.post("/apis/v1/applications/operations", scaleOp(3)).status()).isEqualTo(200);
        awaitOn(api, "the scale-up on B only", 3, b);

        var back = api.post("/apis/v1/cluster/executors/" + a + "/unblacklist", "");
        assertThat(ids(back.data().get("successful"))).containsExactly(a);
        var eligible = api;
        await("A ACTIVE again").atMost(LONG).until(() -> "ACTIVE".equals(executorState(eligible, a)));

        assertThat(ids(api.post("/apis/v1/cluster/executors/blacklist?id=" + b, "").data().get("successful")))
                .containsExactly(b);
        lowest.set(Integer.MAX_VALUE);
        await("every instance moved back to A").atMost(LONG).pollInterval(SAMPLE).until(() -> {
            var healthy = healthyInstances(eligible);
            lowest.accumulateAndGet(healthy.size(), Math::min);
            return executorsOf(healthy).equals(List.of(a, a, a)) && "BLACKLISTED".equals(executorState(eligible, b));
        });
        assertThat(lowest.get()).as("fewest HEALTHY instances while moving back").isGreaterThanOrEqualTo(3);
        assertThat(api.post("/apis/v1/cluster/executors/unblacklist?id=" + b, "").status()).isEqualTo(200);
        await("B ACTIVE again").atMost(LONG).until(() -> "ACTIVE".equals(executorState(eligible, b)));
        var summary = api.get("/apis/v1/cluster/events/summary?lastSyncTime=0").data().get("eventsCount");
        assertThat(summary.path("EXECUTOR_UN_BLACKLISTED").asInt()).isEqualTo(2);
    }

    private JsonNode createOp(int instances) {
        try (var in = getClass().getResourceAsStream("/test-app.json")) {
            var spec = (ObjectNode) Json.mapper().readTree(in);
            ((ObjectNode) spec.get("executable")).put("url", image);
            var op = Json.mapper().createObjectNode();
            op.put("type", "CREATE");
            op.set("spec", spec);
            op.put("instances", instances);
            op.set("opSpec", Json.mapper().valueToTree(opSpec(2)));
            return op;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, Object> scaleOp(int instances) {
        return Map.of("type", "SCALE", "appId", APP_ID, "requiredInstances", instances, "opSpec", opSpec(1));
    }

    private static Map<String, Object> opSpec(int parallelism) {
        return Map.of("timeout", "2m", "parallelism", parallelism, "failureStrategy", "STOP");
    }

    /** Waits until the app is RUNNING with exactly {@code count} HEALTHY instances, every one on {@code executor}. */
    private static void awaitOn(DroveApi api, String what, int count, String executor) {
        await(what).atMost(LONG).until(() -> {
            var healthy = healthyInstances(api);
            return "RUNNING".equals(appState(api)) && healthy.size() == count
                    && healthy.stream().allMatch(i -> executor.equals(i.get("executorId").asText()));
        });
        assertThat(instances(api)).as("no instance left elsewhere").hasSize(count);
    }

    private static String appState(DroveApi api) {
        var app = api.get("/apis/v1/applications/" + APP_ID);
        return app.status() == 200 ? app.data().get("state").asText() : null;
    }

    private static String executorState(DroveApi api, String executorId) {
        var answer = api.get("/apis/v1/cluster/executors");
        if (answer.status() != 200) {
            return null;
        }
        return StreamSupport.stream(answer.data().spliterator(), false)
                .filter(e -> executorId.equals(e.get("executorId").asText()))
                .map(e -> e.get("state").asText())
                .findFirst().orElse(null);
    }

    /** The app's active instances. */
    private static List<JsonNode> instances(DroveApi api) {
        var answer = api.get("/apis/v1/applications/" + APP_ID + "/instances");
        if (answer.status() != 200 || answer.data() == null) {
            return List.of();
        }
        return StreamSupport.stream(answer.data().spliterator(), false).toList();
    }

    private static List<JsonNode> healthyInstances(DroveApi api) {
        return instances(api).stream().filter(i -> "HEALTHY".equals(i.get("state").asText())).toList();
    }

    private static List<String> executorsOf(List<JsonNode> instances) {
        return instances.stream().map(i -> i.get("executorId").asText()).sorted().toList();
    }

    private static List<String> ids(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
    }
}
