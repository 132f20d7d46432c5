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
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 7 on a real cluster with {@code userAuth} on: users by role (HTTP Basic, through a follower too), and the
 * token every instance finds in DROVE_APP_INSTANCE_AUTH_TOKEN, read from the running container's environment.
 */
@ExtendWith(DockerExtension.class)
class AuthIT {
    private static final String APP_ID = "TEST_APP-1";
    private static final String OTHER_APP_ID = "OTHER_APP-1";
    private static final String TOKEN_HEADER = "App-Instance-Authorization";
    private static final Duration LONG = Duration.ofSeconds(120);

    @RegisterExtension
    static final ClusterExtension cluster = ClusterExtension.builder().withUserAuth().build();

    private String appImage;

    @BeforeEach
    void tagTheAppImage(DockerClient docker) throws Exception {
        appImage = TestImages.unpullable(docker, TestImage.APP);
    }

    @Test
    void aGuestCannotScaleAnAdminCanAndAFollowerForwardsEitherUsersCredentials() {
        var first = cluster.addController();
        cluster.awaitReady(0);
        var second = cluster.addController();
        cluster.addExecutor();
        var admin = cluster.awaitReady(1);
        var leader = cluster.leader().orElseThrow();
        var follower = leader == first ? second : first;
        var guest = new DroveApi(leader.port()).as(TestCluster.GUEST, TestCluster.GUEST_PASSWORD);
        var guestViaFollower = new DroveApi(follower.port()).as(TestCluster.GUEST, TestCluster.GUEST_PASSWORD);

        assertThat(admin.post("/apis/v1/applications/operations", createOp("TEST_APP", 0)).status()).isEqualTo(200);
        awaitAppState(admin, APP_ID, "MONITORING");

        var refused = guest.post("/apis/v1/applications/operations", scaleOp(APP_ID, 1));
        assertThat(refused.status()).as(refused::toString).isEqualTo(403);
        assertThat(refused.body().get("message").asText()).contains("user guest (EXTERNAL_READ_ONLY)")
                .endsWith("it needs role EXTERNAL_READ_WRITE or EXTERNAL_ROOT");
        assertThat(guestViaFollower.post("/apis/v1/applications/operations", scaleOp(APP_ID, 1)).status())
                .isEqualTo(403);
        await("the app stays as it was").during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10))
                .until(() -> "MONITORING".equals(state(admin, APP_ID)) && instances(admin, APP_ID).isEmpty());
        assertThat(guest.get("/apis/v1/applications/" + APP_ID).status()).isEqualTo(200);
        assertThat(guestViaFollower.get("/apis/v1/applications/" + APP_ID).status())
                .as("the follower forwards the guest's credentials").isEqualTo(200);

        for (var port : List.of(leader.port(), follower.port())) {
            var wrong = new DroveApi(port).as(TestCluster.ADMIN, "not-the-password");
            assertThat(wrong.get("/apis/v1/applications").status()).isEqualTo(401);
            assertThat(wrong.post("/apis/v1/applications/operations", scaleOp(APP_ID, 1)).status()).isEqualTo(401);
            assertThat(new DroveApi(port).get("/apis/v1/applications").status()).isEqualTo(401);
        }

        var adminViaFollower = new DroveApi(follower.port()).as(TestCluster.ADMIN, TestCluster.ADMIN_PASSWORD);
        var scaled = adminViaFollower.post("/apis/v1/applications/operations", scaleOp(APP_ID, 1));
        assertThat(scaled.status()).as(scaled::toString).isEqualTo(200);
        await("one healthy instance").atMost(LONG).until(() -> healthy(admin, APP_ID).size() == 1);
    }

    @Test
    void anInstanceTokenReadsItsOwnAppAndCreatesItsOwnTasksButNothingElse(DockerClient docker) {
        var first = cluster.addController();
        cluster.awaitReady(0);
        var second = cluster.addController();
        cluster.addExecutor();
        var admin = cluster.awaitReady(1);
        var leader = cluster.leader().orElseThrow();
        var follower = leader == first ? second : first;
        assertThat(admin.post("/apis/v1/applications/operations", createOp("TEST_APP", 1)).status()).isEqualTo(200);
        assertThat(admin.post("/apis/v1/applications/operations", createOp("OTHER_APP", 0)).status()).isEqualTo(200);
        await("one healthy instance").atMost(LONG).until(() -> healthy(admin, APP_ID).size() == 1);
        var instanceId = healthy(admin, APP_ID).get(0).get("instanceId").asText();
        var token = Map.of(TOKEN_HEADER, tokenInContainer(docker, APP_ID + "-" + instanceId));
        var anonymous = new DroveApi(leader.port());

        var own = anonymous.get("/apis/v1/applications/" + APP_ID, token);
        assertThat(own.status()).as(own::toString).isEqualTo(200);
        assertThat(own.data().get("name").asText()).isEqualTo("TEST_APP");
        var siblings = anonymous.get("/apis/v1/internal/instances", token);
        assertThat(siblings.status()).as(siblings::toString).isEqualTo(200);
        assertThat(ids(siblings.data())).containsExactly(instanceId);
        assertThat(ids(new DroveApi(follower.port()).get("/apis/v1/internal/instances", token).data()))
                .as("a follower forwards the token").containsExactly(instanceId);
        assertThat(anonymous.get("/apis/v1/applications/" + OTHER_APP_ID, token).status()).isEqualTo(403);
        assertThat(anonymous.get("/apis/v1/cluster", token).status()).isEqualTo(403);
        assertThat(anonymous.post("/apis/v1/applications/operations", scaleOp(APP_ID, 3), token).status())
                .isEqualTo(403);

        var ownTask = anonymous.post("/apis/v1/tasks/operations", taskOp("TEST_APP", "T1", docker), token);
        assertThat(ownTask.status()).as(ownTask::toString).isEqualTo(200);
        assertThat(ownTask.data().get("taskId").asText()).isEqualTo("TEST_APP-T1");
        assertThat(anonymous.get("/apis/v1/tasks/TEST_APP/instances/T1", token).status()).isEqualTo(200);
        var otherTask = anonymous.post("/apis/v1/tasks/operations", taskOp("OTHER_APP", "T2", docker), token);
        assertThat(otherTask.status()).as(otherTask::toString).isEqualTo(403);
        assertThat(admin.get("/apis/v1/tasks/OTHER_APP/instances/T2").status()).isEqualTo(404);

        var forged = Map.of(TOKEN_HEADER, token.get(TOKEN_HEADER).substring(0, token.get(TOKEN_HEADER).length() - 4)
                + "AAAA");
        assertThat(anonymous.get("/apis/v1/internal/instances", forged).status()).isEqualTo(401);

        await("the task ends").atMost(LONG).until(() -> "STOPPED".equals(
                admin.get("/apis/v1/tasks/TEST_APP/instances/T1").data().get("state").asText()));
        assertThat(admin.post("/apis/v1/applications/operations", scaleOp(APP_ID, 0)).status()).isEqualTo(200);
        await("the instance stopped").atMost(LONG).until(() -> healthy(admin, APP_ID).isEmpty());
        await("its token is refused").atMost(LONG)
                .until(() -> anonymous.get("/apis/v1/internal/instances", token).status() == 401);
    }

    /** DROVE_APP_INSTANCE_AUTH_TOKEN as the executor put it in the container's environment. */
    private static String tokenInContainer(DockerClient docker, String container) {
        var env = docker.inspectContainerCmd(container).exec().getConfig().getEnv();
        return Arrays.stream(env).filter(variable -> variable.startsWith("DROVE_APP_INSTANCE_AUTH_TOKEN="))
                .map(variable -> variable.substring(variable.indexOf('=') + 1))
                .filter(value -> !value.isEmpty())
                .findFirst().orElseThrow(() -> new AssertionError("No token in the env of " + container));
    }

    private JsonNode createOp(String name, int instances) {
        try (var in = getClass().getResourceAsStream("/test-app.json")) {
            var spec = (ObjectNode) Json.mapper().readTree(in);
            spec.put("name", name);
            ((ObjectNode) spec.get("executable")).put("url", appImage);
            spec.remove("exposureSpec");
            var op = Json.mapper().createObjectNode();
            op.put("type", "CREATE");
            op.set("spec", spec);
            op.put("instances", instances);
            op.set("opSpec", Json.mapper().valueToTree(opSpec()));
            return op;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode taskOp(String sourceAppName, String taskId, DockerClient docker) {
        var spec = Json.mapper().createObjectNode();
        spec.put("sourceAppName", sourceAppName);
        spec.put("taskId", taskId);
        spec.set("executable", Json.mapper().valueToTree(Map.of("type", "DOCKER",
                "url", TestImages.unpullable(docker, TestImage.TASK), "dockerPullTimeout", "100 seconds")));
        spec.set("resources", Json.mapper().valueToTree(List.of(Map.of("type", "CPU", "count", 1),
                Map.of("type", "MEMORY", "sizeInMB", 16))));
        spec.set("placementPolicy", Json.mapper().valueToTree(Map.of("type", "ANY")));
        spec.set("env", Json.mapper().valueToTree(Map.of("ITERATIONS", "1", "SLEEP_SECONDS", "0",
                "EXIT_CODE", "0")));
        spec.set("logging", Json.mapper().valueToTree(Map.of("type", "LOCAL", "maxSize", "100m", "maxFiles", 3,
                "compress", true)));
        var op = Json.mapper().createObjectNode();
        op.put("type", "CREATE");
        op.set("spec", spec);
        op.set("opSpec", Json.mapper().valueToTree(Map.of("timeout", "5m", "parallelism", 1,
                "failureStrategy", "STOP")));
        return op;
    }

    private static Map<String, Object> scaleOp(String appId, int instances) {
        return Map.of("type", "SCALE", "appId", appId, "requiredInstances", instances, "opSpec", opSpec());
    }

    private static Map<String, Object> opSpec() {
        return Map.of("timeout", "2m", "parallelism", 1, "failureStrategy", "STOP");
    }

    private static List<JsonNode> instances(DroveApi api, String appId) {
        var answer = api.get("/apis/v1/applications/" + appId + "/instances");
        return answer.status() != 200 || answer.data() == null ? List.of()
                : StreamSupport.stream(answer.data().spliterator(), false).toList();
    }

    private static List<JsonNode> healthy(DroveApi api, String appId) {
        return instances(api, appId).stream().filter(i -> "HEALTHY".equals(i.get("state").asText())).toList();
    }

    private static List<String> ids(JsonNode instances) {
        return StreamSupport.stream(instances.spliterator(), false).map(i -> i.get("instanceId").asText()).toList();
    }

    private static String state(DroveApi api, String appId) {
        var app = api.get("/apis/v1/applications/" + appId);
        return app.status() == 200 ? app.data().get("state").asText() : null;
    }

    private static void awaitAppState(DroveApi api, String appId, String state) {
        await("app " + state).atMost(LONG).until(() -> state.equals(state(api, appId)));
    }
}
