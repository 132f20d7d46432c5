package dev.drove.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.dockerjava.api.DockerClient;
import dev.drove.common.testkit.DockerExtension;
import dev.drove.common.testkit.TestImage;
import dev.drove.common.testkit.TestImages;
import dev.drove.models.json.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 9, graceful shutdown, with the service jars as processes: stopping a controller (SIGTERM) hands leadership to
 * another at once, far sooner than the ZooKeeper session timeout that a killed one would cost, even with a long
 * {@code shutdownGracePeriod}; stopping an executor leaves its containers running, and the restarted executor adopts
 * them as they are.
 */
@ExtendWith(DockerExtension.class)
class GracefulShutdownIT {
    /** Far below the 30 s ZooKeeper session timeout after which a killed leader would be replaced. */
    private static final Duration TAKEOVER = Duration.ofSeconds(5);
    private static final Duration LONG = Duration.ofSeconds(120);
    private static final String APP_ID = "TEST_APP-1";

    @RegisterExtension
    static final ClusterExtension cluster = ClusterExtension.builder().build();

    @Test
    void aStoppedLeaderHandsOverToTheOtherControllerWithinSecondsDespiteAThirtySecondGracePeriod() throws Exception {
        var first = controller("controller-a");
        var second = controller("controller-b");
        await("one of the two leads").atMost(LONG).until(() -> leaders(first, second) == 1);
        var leader = isLeader(first) ? first : second;
        var follower = leader == first ? second : first;

        var stopping = CompletableFuture.runAsync(() -> {
            try {
                leader.close(); // SIGTERM, then wait for the process to end
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        long begun = System.nanoTime();
        await("the follower leads").atMost(TAKEOVER).pollInterval(Duration.ofMillis(100))
                .until(() -> isLeader(follower));
        var takeover = Duration.ofNanos(System.nanoTime() - begun);

        stopping.get(30, TimeUnit.SECONDS);
        assertThat(leader.isAlive()).isFalse();
        assertThat(leader.output()).contains("left the leader election");
        assertThat(takeover).isLessThan(TAKEOVER);
    }

    @Test
    void aStoppedExecutorLeavesItsContainerRunningAndTheRestartedOneAdoptsIt(DockerClient docker) throws Exception {
        var image = TestImages.unpullable(docker, TestImage.APP);
        cluster.addController();
        var executor = cluster.addExecutor();
        var api = cluster.awaitReady(1);
        assertThat(api.post("/apis/v1/applications/operations", createOp(image)).status()).isEqualTo(200);
        await("one HEALTHY instance").atMost(LONG).until(() -> healthy(api).size() == 1);
        var instanceId = healthy(api).get(0).get("instanceId").asText();
        var before = container(docker, instanceId);

        executor.close(); // SIGTERM: Dropwizard stops the executor gracefully

        assertThat(executor.isAlive()).isFalse();
        assertThat(executor.output()).as("Jetty stopped: a graceful stop, not a kill")
                .containsPattern("Stopped .*Server@");
        var during = docker.inspectContainerCmd(before).exec();
        assertThat(during.getState().getRunning()).as("the container outlives its executor").isTrue();

        executor.start();
        await("the restarted executor reports the same instance HEALTHY").atMost(LONG)
                .until(() -> healthy(api).stream().anyMatch(i -> i.get("instanceId").asText().equals(instanceId)));
        var after = docker.inspectContainerCmd(before).exec();
        assertThat(after.getState().getRunning()).isTrue();
        assertThat(after.getState().getStartedAt()).isEqualTo(during.getState().getStartedAt());
        assertThat(healthy(api)).hasSize(1);
    }

    /** A controller process of this test's cluster with a production-like 30 s shutdownGracePeriod. */
    private ServiceProcess controller(String name) {
        var controller = new ServiceProcess(name, "drove.controller.jar", cluster.dir().resolve(name), """
                server:
                  applicationConnectors: [{type: http, port: ${PORT}, bindHost: 127.0.0.1}]
                  adminConnectors: [{type: http, port: ${ADMIN_PORT}, bindHost: 127.0.0.1}]
                  requestLog: {appenders: []}
                  shutdownGracePeriod: 30s
                logging:
                  level: INFO
                  appenders: [{type: console, logFormat: "%-5level [%date] [%logger{0}] %message%n"}]
                zookeeper: {connectionString: "ZK"}
                clusterAuth:
                  secrets:
                    - {nodeType: CONTROLLER, secret: CSECRET}
                    - {nodeType: EXECUTOR, secret: ESECRET}
                """.replace("ZK", cluster.zookeeper().getConnectString()).replace("CSECRET", TestCluster.CONTROLLER_SECRET)
                .replace("ESECRET", TestCluster.EXECUTOR_SECRET));
        return cluster.adopt(controller).start();
    }

    private static long leaders(ServiceProcess... controllers) {
        return java.util.Arrays.stream(controllers).filter(GracefulShutdownIT::isLeader).count();
    }

    private static boolean isLeader(ServiceProcess controller) {
        return controller.isAlive() && new DroveApi(controller.port()).get("/apis/v1/ping").status() == 200;
    }

    private static List<JsonNode> healthy(DroveApi api) {
        var answer = api.get("/apis/v1/applications/" + APP_ID + "/instances");
        var instances = new ArrayList<JsonNode>();
        if (answer.status() == 200 && answer.data() != null) {
            answer.data().forEach(i -> {
                if ("HEALTHY".equals(i.path("state").asText())) {
                    instances.add(i);
                }
            });
        }
        return instances;
    }

    /** The id of the container that runs {@code instanceId}, found by the label the executor puts on it. */
    private static String container(DockerClient docker, String instanceId) {
        var containers = docker.listContainersCmd().withLabelFilter(Map.of("drove.instance.id", instanceId)).exec();
        assertThat(containers).hasSize(1);
        return containers.get(0).getId();
    }

    private JsonNode createOp(String image) {
        try (var in = getClass().getResourceAsStream("/test-app.json")) {
            var spec = (ObjectNode) Json.mapper().readTree(in);
            ((ObjectNode) spec.get("executable")).put("url", image);
            var op = Json.mapper().createObjectNode().put("type", "CREATE").put("instances", 1);
            op.set("spec", spec);
            op.set("opSpec", Json.mapper().valueToTree(Map.of("timeout", "2m", "parallelism", 1,
                    "failureStrategy", "STOP")));
            return op;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
