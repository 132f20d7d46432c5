package dev.drove.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.dockerjava.api.DockerClient;
import dev.drove.common.discovery.NodeDataStore;
import dev.drove.common.testkit.DockerExtension;
import dev.drove.common.testkit.TestCertificates;
import dev.drove.common.testkit.TestImage;
import dev.drove.common.testkit.TestImages;
import dev.drove.common.testkit.ZookeeperExtension;
import dev.drove.models.info.nodedata.ControllerNodeData;
import dev.drove.models.info.nodedata.NodeTransportType;
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
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 7, TLS: controllers and executors listening on Dropwizard's https connector with certificates of a CA made
 * for the test, trusting it through {@code clusterTls}. Every inter-node call goes over https: executor reports to
 * the leader, the leader's instructions and log reads to the executor, a follower's forwarding to the leader.
 */
@ExtendWith(DockerExtension.class)
class TlsIT {
    private static final String APP_ID = "TEST_APP-1";
    private static final Duration LONG = Duration.ofSeconds(120);

    @RegisterExtension
    static final ClusterExtension cluster = ClusterExtension.builder().withTls().build();

    private String image;

    @BeforeEach
    void tagTheAppImage(DockerClient docker) throws Exception {
        image = TestImages.unpullable(docker, TestImage.APP);
    }

    @Test
    void anAppReachesRunningWithAHealthyInstanceWhenEveryNodeTalksHttps() {
        var first = cluster.addController();
        cluster.awaitReady(0);
        var second = cluster.addController();
        cluster.addExecutor();
        var api = cluster.awaitReady(1);

        var executor = api.get("/apis/v1/cluster/executors").data().get(0);
        assertThat(executor.get("transportType").asText()).isEqualTo("HTTPS");
        await("both controllers published").atMost(LONG).until(() -> controllersAdvertised().size() == 2);
        assertThat(controllersAdvertised())
                .allSatisfy(c -> assertThat(c.transportType()).isEqualTo(NodeTransportType.HTTPS));

        var created = api.post("/apis/v1/applications/operations", createOp());
        assertThat(created.status()).as(created::toString).isEqualTo(200);
        await("one HEALTHY instance").atMost(LONG).until(() -> healthyInstances(api).size() == 1);
        await("app RUNNING").atMost(LONG).until(() -> "RUNNING".equals(
                api.get("/apis/v1/applications/" + APP_ID).data().get("state").asText()));

        var instanceId = healthyInstances(api).get(0).get("instanceId").asText();
        var logs = "/apis/v1/logfiles/applications/" + APP_ID + "/" + instanceId;
        await("the executor's log files, read by the leader over https").atMost(LONG).until(() -> {
            var list = api.get(logs + "/list");
            return list.status() == 200 && list.body().get("files").toString().contains("\"output.log\"");
        });
        assertThat(api.get(logs + "/download/output.log").status()).isEqualTo(200);

        var leader = cluster.leader().orElseThrow();
        var viaFollower = cluster.api(leader == first ? second : first);
        var forwarded = viaFollower.get("/apis/v1/applications/" + APP_ID);
        assertThat(forwarded.status()).as(forwarded::toString).isEqualTo(200);
        assertThat(forwarded.data().get("state").asText()).isEqualTo("RUNNING");
    }

    @Test
    void anExecutorThatDoesNotTrustTheClusterCaNeverJoinsAndItsLogSaysWhy() {
        cluster.addController();
        cluster.addExecutor();
        var api = cluster.awaitReady(1);
        var admitted = api.get("/apis/v1/cluster/executors").data().get(0).get("executorId").asText();
        var stranger = TestCertificates.create(cluster.dir().resolve("stranger"), "Some Other CA");

        var outsider = cluster.addExecutorTrusting(stranger.trustStore());

        await("the outsider explains the failed handshake").atMost(LONG)
                .until(() -> outsider.output().contains("SSLHandshakeException")
                        && outsider.output().contains("clusterTls trust store must hold the CA"));
        await("the outsider stays out").during(Duration.ofSeconds(15)).atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofSeconds(1)).until(() -> {
                    var executors = api.get("/apis/v1/cluster/executors");
                    return executors.status() == 200 && executors.data().size() == 1
                            && admitted.equals(executors.data().get(0).get("executorId").asText());
                });
        assertThat(outsider.isAlive()).as("the outsider keeps running and retrying").isTrue();
    }

    /** The controllers' node data, as executors and other controllers find them. */
    private List<ControllerNodeData> controllersAdvertised() {
        try (var curator = ZookeeperExtension.newClient(cluster.zookeeper().getConnectString())) {
            return new NodeDataStore(curator.usingNamespace("drove")).controllers();
        }
    }

    private JsonNode createOp() {
        try (var in = getClass().getResourceAsStream("/test-app.json")) {
            var spec = (ObjectNode) Json.mapper().readTree(in);
            ((ObjectNode) spec.get("executable")).put("url", image);
            var op = Json.mapper().createObjectNode();
            op.put("type", "CREATE");
            op.set("spec", spec);
            op.put("instances", 1);
            op.set("opSpec", Json.mapper().valueToTree(
                    Map.of("timeout", "2m", "parallelism", 1, "failureStrategy", "STOP")));
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
