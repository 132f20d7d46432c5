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
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 5's local services end to end: controller and executor jars as processes, a real ZooKeeper and the local
 * Docker engine, driven only through the documented REST API with the bodies drove-cli sends.
 */
@ExtendWith(DockerExtension.class)
class LocalServiceLifecycleIT {
    private static final String SERVICE_ID = "TEST_LS-1";
    private static final String APP_ID = "TEST_APP-1";
    private static final String OPERATIONS = "/apis/v1/localservices/operations";
    private static final Duration LONG = Duration.ofSeconds(120);
    private static final Map<String, String> EXECUTOR_CREDENTIALS = Map.of("Node-Type", "EXECUTOR",
            "Cluster-Authorization", TestCluster.EXECUTOR_SECRET, "NodeId", "e2e-test");

    @RegisterExtension
    static final ClusterExtension cluster = ClusterExtension.builder().build();

    private String image;

    @BeforeEach
    void tagTheAppImage(DockerClient docker) throws Exception {
        image = TestImages.unpullable(docker, TestImage.APP);
    }

    @Test
    void anActivatedServiceRunsOnEveryExecutorIncludingOneThatJoinsAndStopsWhenDeactivated(DockerClient docker) {
        cluster.addController();
        cluster.addExecutor();
        cluster.addExecutor();
        var api = cluster.awaitReady(2);
        var freeCores = api.get("/apis/v1/cluster/executors").data().get(0).get("freeCores").asInt();
        assertThat(freeCores).as("cores each executor offers").isGreaterThanOrEqualTo(6);
        var serviceCores = freeCores - 4; // leaves room for exactly one 3-core app instance per executor

        var created = api.post(OPERATIONS, createOp(serviceCores, 1));
        assertThat(created.status()).as(created::toString).isEqualTo(200);
        assertThat(created.data().get("serviceId").asText()).isEqualTo(SERVICE_ID);
        assertThat(summary(api).get("state").asText()).isEqualTo("INACTIVE");

        var activated = api.post(OPERATIONS, Map.of("type", "ACTIVATE", "serviceId", SERVICE_ID));
        assertThat(activated.status()).as(activated::toString).isEqualTo(200);
        assertThat(activated.data().get("serviceId").asText()).isEqualTo(SERVICE_ID);
        await("one healthy instance on each of 2 executors").atMost(LONG)
                .until(() -> executorsOf(healthy(api, "/apis/v1/localservices/" + SERVICE_ID)).size() == 2
                        && healthy(api, "/apis/v1/localservices/" + SERVICE_ID).size() == 2);
        await("ACTIVE").atMost(LONG).until(() -> "ACTIVE".equals(summary(api).get("state").asText()));
        var reserved = api.get("/apis/v1/internal/cluster/resources/reserved", EXECUTOR_CREDENTIALS);
        assertThat(reserved.status()).as(reserved::toString).isEqualTo(200);
        assertThat(reserved.data().get("cpus").asInt()).isEqualTo(serviceCores);
        assertThat(reserved.data().get("memory").asInt()).isEqualTo(16);
        assertThat(reserved.data().get("requiredInstances").get(SERVICE_ID).asInt()).isEqualTo(1);

        assertThat(api.post("/apis/v1/applications/operations", appCreateOp()).status()).isEqualTo(200);
        cluster.addExecutor();
        cluster.awaitReady(3);
        var scaled = api.post("/apis/v1/applications/operations", Map.of("type", "SCALE", "appId", APP_ID,
                "requiredInstances", 3, "opSpec", opSpec(3)));
        assertThat(scaled.status()).as(scaled::toString).isEqualTo(200);

        await("the joined executor runs its own instance").atMost(LONG)
                .until(() -> executorsOf(healthy(api, "/apis/v1/localservices/" + SERVICE_ID)).size() == 3
                        && healthy(api, "/apis/v1/localservices/" + SERVICE_ID).size() == 3);
        await("3 app instances beside the service").atMost(LONG)
                .until(() -> healthy(api, "/apis/v1/applications/" + APP_ID).size() == 3);
        assertThat(executorsOf(healthy(api, "/apis/v1/applications/" + APP_ID)))
                .as("app instances never take the room of the service: one fits per executor").hasSize(3);

        var deactivated = api.post(OPERATIONS, Map.of("type", "DEACTIVATE", "serviceId", SERVICE_ID));
        assertThat(deactivated.status()).as(deactivated::toString).isEqualTo(200);
        await("no instance running").atMost(LONG).until(() -> "INACTIVE".equals(summary(api).get("state").asText())
                && api.get("/apis/v1/localservices/" + SERVICE_ID + "/instances").data().isEmpty());
        await("service containers gone").atMost(LONG).until(() -> docker.listContainersCmd()
                .withLabelFilter(List.of("drove.instance.id")).exec().stream()
                .noneMatch(c -> List.of(c.getNames()).stream().anyMatch(n -> n.contains(SERVICE_ID))));
        assertThat(api.get("/apis/v1/localservices/" + SERVICE_ID + "/instances/old").data().size())
                .isGreaterThanOrEqualTo(3);
        assertThat(healthy(api, "/apis/v1/applications/" + APP_ID)).hasSize(3);

        var destroyed = api.post(OPERATIONS, Map.of("type", "DESTROY", "serviceId", SERVICE_ID));
        assertThat(destroyed.status()).as(destroyed::toString).isEqualTo(200);
        await("service destroyed").atMost(LONG)
                .until(() -> api.get("/apis/v1/localservices/" + SERVICE_ID).status() == 404);
    }

    @Test
    void cliStyleBodiesGetTheDocumentedAnswers() {
        cluster.addController();
        var api = cluster.awaitReady(0);

        var bad = (ObjectNode) createOp(1, 1);
        ((ObjectNode) bad.get("spec")).remove("resources");
        var refused = api.post(OPERATIONS, bad);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body().get("message").asText()).isEqualTo("Command validation failure");
        assertThat(refused.data().get("validationErrors").toString()).contains("spec.resources");
        var valid = api.post("/apis/v1/localservices/validate/spec", createOp(1, 1).get("spec"));
        assertThat(valid.status()).as(valid::toString).isEqualTo(200);
        assertThat(valid.data().get("valid").asBoolean()).isTrue();

        assertThat(api.post(OPERATIONS, createOp(1, 1)).status()).isEqualTo(200);
        var again = api.post(OPERATIONS, createOp(1, 1));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.body().get("message").asText()).isEqualTo("Local service TEST_LS-1 already exists");
        var unknown = api.post(OPERATIONS, Map.of("type", "ACTIVATE", "serviceId", "NOPE-1"));
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.body().get("message").asText()).isEqualTo("Local service NOPE-1 not found");
        var stopInactive = api.post(OPERATIONS, Map.of("type", "STOP", "serviceId", SERVICE_ID));
        assertThat(stopInactive.status()).isEqualTo(409);
        assertThat(stopInactive.body().get("message").asText()).isEqualTo("Local service TEST_LS-1 is INACTIVE; "
                + "DEACTIVATE is accepted only when it is ACTIVE or CONFIG_TESTING");
        assertThat(api.post(OPERATIONS + "/" + SERVICE_ID + "/cancel", Map.of()).status()).isEqualTo(409);

        var listed = api.get("/apis/v1/localservices");
        assertThat(listed.status()).isEqualTo(200);
        var summary = listed.data().get(SERVICE_ID);
        assertThat(summary.get("id").asText()).isEqualTo(SERVICE_ID);
        assertThat(summary.get("name").asText()).isEqualTo("TEST_LS");
        assertThat(summary.get("activationState").asText()).isEqualTo("INACTIVE");
        assertThat(summary.get("instancesPerHost").asInt()).isEqualTo(1);
        var spec = api.get("/apis/v1/localservices/" + SERVICE_ID + "/spec").data();
        assertThat(spec.get("placementPolicy").get("type").asText()).isEqualTo("LOCAL");
        assertThat(spec.at("/configs/0/data").isMissingNode() || spec.at("/configs/0/data").asText().isEmpty())
                .as("config data is not returned").isTrue();
        assertThat(api.get("/apis/v1/localservices/" + SERVICE_ID + "/instances?state=BOGUS").status())
                .isEqualTo(400);
        assertThat(api.get("/apis/v1/localservices/" + SERVICE_ID + "/instances/SI-nope").status()).isEqualTo(404);
        assertThat(api.get("/apis/v1/internal/cluster/resources/reserved").status()).isEqualTo(401);
        assertThat(api.get("/apis/v1/internal/cluster/resources/reserved", EXECUTOR_CREDENTIALS).data()
                .get("cpus").asInt()).isZero();

        var updated = api.post(OPERATIONS, Map.of("type", "UPDATE_INSTANCE_COUNT", "serviceId", SERVICE_ID,
                "instancesPerHost", 2));
        assertThat(updated.status()).as(updated::toString).isEqualTo(200);
        await("2 instances per host").atMost(LONG)
                .until(() -> summary(api).get("instancesPerHost").asInt() == 2
                        && "INACTIVE".equals(summary(api).get("state").asText()));
        assertThat(api.post(OPERATIONS, Map.of("type", "DESTROY", "serviceId", SERVICE_ID)).status())
                .isEqualTo(200);
        await("service destroyed").atMost(LONG)
                .until(() -> api.get("/apis/v1/localservices/" + SERVICE_ID).status() == 404);
    }

    /** The kit's app spec as a local service: no exposureSpec, LOCAL placement, {@code cores} cores and 16 MB. */
    private JsonNode createOp(int cores, int instancesPerHost) {
        var spec = appSpec(cores);
        spec.remove("exposureSpec");
        spec.put("name", "TEST_LS");
        spec.put("type", "LOCAL_SERVICE");
        spec.set("placementPolicy", Json.mapper().valueToTree(Map.of("type", "LOCAL", "hostLevel", false)));
        var op = Json.mapper().createObjectNode();
        op.put("type", "CREATE");
        op.set("spec", spec);
        op.put("instancesPerHost", instancesPerHost);
        return op;
    }

    private JsonNode appCreateOp() {
        var op = Json.mapper().createObjectNode();
        op.put("type", "CREATE");
        op.set("spec", appSpec(3));
        op.put("instances", 0);
        op.set("opSpec", Json.mapper().valueToTree(opSpec(1)));
        return op;
    }

    private ObjectNode appSpec(int cores) {
        try (var in = getClass().getResourceAsStream("/test-app.json")) {
            var spec = (ObjectNode) Json.mapper().readTree(in);
            ((ObjectNode) spec.get("executable")).put("url", image);
            spec.set("resources", Json.mapper().valueToTree(List.of(Map.of("type", "CPU", "count", cores),
                    Map.of("type", "MEMORY", "sizeInMB", 16))));
            return spec;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, Object> opSpec(int parallelism) {
        return Map.of("timeout", "2m", "parallelism", parallelism, "failureStrategy", "STOP");
    }

    private static JsonNode summary(DroveApi api) {
        return api.get("/apis/v1/localservices/" + SERVICE_ID).data();
    }

    /** The HEALTHY instances listed at {@code path}/instances (a local service's or an application's). */
    private static List<JsonNode> healthy(DroveApi api, String path) {
        var answer = api.get(path + "/instances");
        if (answer.status() != 200 || answer.data() == null) {
            return List.of();
        }
        return StreamSupport.stream(answer.data().spliterator(), false)
                .filter(i -> "HEALTHY".equals(i.get("state").asText()))
                .toList();
    }

    private static Set<String> executorsOf(List<JsonNode> instances) {
        return instances.stream().map(i -> i.get("executorId").asText()).collect(Collectors.toSet());
    }
}
