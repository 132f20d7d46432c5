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
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 6 on a real cluster: maintenance mode keeps the controller's hands off the executors until it is unset (and
 * its grace has passed), and the events API tells what happened, in order, with the docs' metadata
 * (docs: cluster/maintenance.md; apis/cluster.md "Drove Cluster Events").
 */
@ExtendWith(DockerExtension.class)
class MaintenanceAndEventsIT {
    private static final String APP_ID = "TEST_APP-1";
    private static final Duration LONG = Duration.ofSeconds(120);
    /** The app monitor runs every second in the test cluster: this is several of its passes. */
    private static final Duration SEVERAL_MONITOR_PASSES = Duration.ofSeconds(6);
    /** The order an instance goes through on its way up (docs: applications/instances.md). */
    private static final List<String> WAY_UP = List.of("PENDING", "PROVISIONING", "STARTING", "UNREADY", "READY",
            "HEALTHY");
    /** The metadata of the docs' sample INSTANCE_STATE_CHANGE event. */
    private static final Set<String> DOCS_INSTANCE_KEYS = Set.of("APP_NAME", "APP_ID", "PORTS", "EXECUTOR_ID",
            "EXECUTOR_HOST", "CREATED", "INSTANCE_ID", "CURRENT_STATE");

    @RegisterExtension
    static final ClusterExtension cluster = ClusterExtension.builder().build();

    private String image;

    @BeforeEach
    void tagTheAppImage(DockerClient docker) {
        image = TestImages.unpullable(docker, TestImage.APP);
    }

    @Test
    void aScaleIsToldByEventsAndAKilledContainerIsReplacedOnlyAfterMaintenance(DockerClient docker) {
        cluster.addController();
        cluster.addExecutor();
        var api = cluster.awaitReady(1);
        assertThat(api.post("/apis/v1/applications/operations", createOp()).status()).isEqualTo(200);
        awaitAppState(api, "MONITORING");
        var beforeScale = api.get("/apis/v1/cluster/events/latest?lastSyncTime=0").data().get("lastSyncTime")
                .asLong();

        assertThat(api.post("/apis/v1/applications/operations", scaleOp(2)).status()).isEqualTo(200);
        awaitActive(api, 2);
        await("2 healthy instances").atMost(LONG).until(() -> healthy(api).size() == 2);
        var started = ids(healthy(api));

        theEventsTellEachInstanceComingUpInOrder(api, beforeScale, started);

        var set = api.post("/apis/v1/cluster/maintenance/set", "");
        assertThat(set.status()).as(set::toString).isEqualTo(200);
        assertThat(set.data().get("state").asText()).isEqualTo("MAINTENANCE");
        assertThat(api.get("/apis/v1/cluster").data().get("state").asText()).isEqualTo("MAINTENANCE");
        var refused = api.post("/apis/v1/applications/operations", scaleOp(3));
        assertThat(refused.status()).as(refused::toString).isEqualTo(400);
        assertThat(refused.body().get("message").asText()).contains("maintenance");

        var victim = started.iterator().next();
        docker.killContainerCmd(APP_ID + "-" + victim).exec();
        awaitActive(api, 1);
        await("the killed instance is not replaced in maintenance")
                .during(SEVERAL_MONITOR_PASSES).atMost(SEVERAL_MONITOR_PASSES.plusSeconds(10))
                .until(() -> active(api).size() == 1);

        var unset = api.post("/apis/v1/cluster/maintenance/unset", "");
        assertThat(unset.status()).as(unset::toString).isEqualTo(200);
        assertThat(unset.data().get("state").asText()).isEqualTo("NORMAL");
        await("the killed instance is replaced once maintenance is over").atMost(LONG).until(() -> {
            var now = ids(healthy(api));
            return now.size() == 2 && !now.contains(victim);
        });

        var counts = api.get("/apis/v1/cluster/events/summary?lastSyncTime=" + beforeScale).data()
                .get("eventsCount");
        assertThat(counts.path("MAINTENANCE_MODE_SET").asInt()).isEqualTo(1);
        assertThat(counts.path("MAINTENANCE_MODE_REMOVED").asInt()).isEqualTo(1);
        var sinceStart = api.get("/apis/v1/cluster/events/summary?lastSyncTime=0").data().get("eventsCount");
        assertThat(sinceStart.path("LEADERSHIP_ACQUIRED").asInt()).isEqualTo(1);
        assertThat(sinceStart.path("EXECUTOR_ADDED").asInt()).isEqualTo(1);
    }

    /**
     * The events after {@code since} hold, for every new instance, INSTANCE_STATE_CHANGE events from PENDING to
     * HEALTHY in the order of the way up, HEALTHY with the docs' metadata; the summary counts them.
     */
    private static void theEventsTellEachInstanceComingUpInOrder(DroveApi api, long since, Set<String> started) {
        var answer = api.get("/apis/v1/cluster/events/latest?size=1024&lastSyncTime=" + since);
        assertThat(answer.status()).as(answer::toString).isEqualTo(200);
        var events = list(answer.data().get("events"));
        var times = events.stream().map(e -> e.get("time").asLong()).toList();
        assertThat(times).as("oldest first").isSorted();
        assertThat(answer.data().get("lastSyncTime").asLong()).isEqualTo(times.get(times.size() - 1));

        var instanceEvents = events.stream().filter(e -> "INSTANCE_STATE_CHANGE".equals(e.get("type").asText()))
                .toList();
        var statesById = new LinkedHashMap<String, List<String>>();
        for (var event : instanceEvents) {
            var metadata = event.get("metadata");
            assertThat(metadata.get("APP_ID").asText()).isEqualTo(APP_ID);
            statesById.computeIfAbsent(metadata.get("INSTANCE_ID").asText(), id -> new ArrayList<>())
                    .add(metadata.get("CURRENT_STATE").asText());
            if ("HEALTHY".equals(metadata.get("CURRENT_STATE").asText())) {
                assertThat(fieldNames(metadata)).isEqualTo(DOCS_INSTANCE_KEYS);
                assertThat(metadata.get("PORTS").asText()).matches("main:\\d+:http");
                assertThat(metadata.get("APP_NAME").asText()).isEqualTo("TEST_APP");
                assertThat(metadata.get("CREATED").isNumber()).isTrue();
            }
        }
        assertThat(statesById.keySet()).isEqualTo(started);
        statesById.forEach((id, states) -> {
            assertThat(states).as("states of %s", id).startsWith("PENDING").endsWith("HEALTHY");
            assertThat(states.stream().map(WAY_UP::indexOf).toList()).as("states of %s in order, once each", id)
                    .doesNotContain(-1).isSorted().doesNotHaveDuplicates();
        });

        var summary = api.get("/apis/v1/cluster/events/summary?lastSyncTime=" + since).data();
        assertThat(summary.get("eventsCount").get("INSTANCE_STATE_CHANGE").asInt())
                .isEqualTo(instanceEvents.size());
        assertThat(summary.get("eventsCount").path("APP_STATE_CHANGE").asInt()).isPositive();
    }

    private JsonNode createOp() {
        try (var in = getClass().getResourceAsStream("/test-app.json")) {
            var spec = (ObjectNode) Json.mapper().readTree(in);
            ((ObjectNode) spec.get("executable")).put("url", image);
            var op = Json.mapper().createObjectNode();
            op.put("type", "CREATE");
            op.set("spec", spec);
            op.put("instances", 0);
            op.set("opSpec", Json.mapper().valueToTree(opSpec()));
            return op;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, Object> scaleOp(int instances) {
        return Map.of("type", "SCALE", "appId", APP_ID, "requiredInstances", instances, "opSpec", opSpec());
    }

    private static Map<String, Object> opSpec() {
        return Map.of("timeout", "2m", "parallelism", 2, "failureStrategy", "STOP");
    }

    /** The app's instances in an active state (the API's default filter). */
    private static List<JsonNode> active(DroveApi api) {
        var answer = api.get("/apis/v1/applications/" + APP_ID + "/instances");
        return answer.status() == 200 && answer.data() != null ? list(answer.data()) : List.of();
    }

    private static List<JsonNode> healthy(DroveApi api) {
        return active(api).stream().filter(i -> "HEALTHY".equals(i.get("state").asText())).toList();
    }

    private static void awaitActive(DroveApi api, int count) {
        await(count + " active instances").atMost(LONG).until(() -> active(api).size() == count);
    }

    private static void awaitAppState(DroveApi api, String state) {
        await("app " + state).atMost(LONG).until(() -> {
            var app = api.get("/apis/v1/applications/" + APP_ID);
            return app.status() == 200 && state.equals(app.data().get("state").asText());
        });
    }

    private static Set<String> ids(List<JsonNode> instances) {
        var ids = new HashSet<String>();
        instances.forEach(i -> ids.add(i.get("instanceId").asText()));
        return ids;
    }

    private static Set<String> fieldNames(JsonNode node) {
        var names = new HashSet<String>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static List<JsonNode> list(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).toList();
    }
}
