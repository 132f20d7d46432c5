package dev.drove.controller.api;

import dev.drove.common.discovery.NodeDataStore;
import dev.drove.common.testkit.ZookeeperExtension;
import dev.drove.models.application.ApplicationState;
import org.apache.curator.test.TestingServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.drove.controller.api.SampleCluster.APP_ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Two controllers on loopback ports: the follower's API answers through the leader; ping tells them apart. */
@ExtendWith(ZookeeperExtension.class)
class LeaderForwardingTest {
    private static final String SCALE = """
            {"type": "SCALE", "appId": "TEST_APP-1", "requiredInstances": 3,
             "opSpec": {"timeout": "1m", "parallelism": 1, "failureStrategy": "STOP"}}""";
    private static final String ADMIN = "Basic YWRtaW46YWRtaW4=";

    private final List<AutoCloseable> opened = new ArrayList<>();
    private String zookeeper;
    private ApiServer leader;
    private ApiServer follower;

    @BeforeEach
    void startALeaderAndAFollower(TestingServer server) throws Exception {
        zookeeper = server.getConnectString();
        leader = open(ApiServer.leader(zookeeper));
        var executor = open(new NodeDataStore(leader.curator()));
        SampleCluster.seed(leader, executor);
        follower = open(ApiServer.follower(zookeeper));
        await().atMost(Duration.ofSeconds(10)).until(() -> follower.get("/apis/v1/cluster").status() == 200);
    }

    @AfterEach
    void closeEverything() throws Exception {
        for (int i = opened.size() - 1; i >= 0; i--) {
            opened.get(i).close();
        }
    }

    @Test
    void theLeaderAnswersPing() {
        var answer = leader.get("/apis/v1/ping");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().get("status").asText()).isEqualTo("SUCCESS");
        assertThat(answer.json().get("data").asText()).isEqualTo("pong");
        assertThat(answer.json().get("message").asText()).isEqualTo("success");
    }

    @Test
    void aFollowerAnswersPingWithNotLeaderInsteadOfForwardingIt() {
        var answer = follower.get("/apis/v1/ping");

        assertThat(follower.isLeader()).isFalse();
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().get("status").asText()).isEqualTo("FAILED");
        assertThat(answer.json().get("message").asText()).isEqualTo("This node is not the leader controller");
        assertThat(leader.seen).noneMatch(seen -> seen.call().equals("GET /apis/v1/ping"));
    }

    @Test
    void aGetToTheFollowerIsAnsweredByTheLeaderWithItsQueryAndHeaders() {
        var answer = follower.call("GET", "/apis/v1/applications?from=0&size=10", null,
                Map.of("Authorization", ADMIN));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.headers().get("content-type")).singleElement().asString().startsWith("application/json");
        // only the leader's engine knows the app is RUNNING
        assertThat(answer.json().at("/data/" + APP_ID + "/state").asText()).isEqualTo("RUNNING");
        assertThat(leader.seen).contains(new ApiServer.Seen("GET /apis/v1/applications",
                "127.0.0.1:" + follower.self.port(), ADMIN));
    }

    @Test
    void aPostToTheFollowerReachesTheLeadersEngine() {
        var answer = follower.post("/apis/v1/applications/operations", SCALE);

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().at("/data/appId").asText()).isEqualTo(APP_ID);
        assertThat(leader.operations.submitted).singleElement()
                .satisfies(op -> assertThat(op.appId()).isEqualTo(APP_ID));
        assertThat(follower.operations.submitted).isEmpty();
    }

    @Test
    void theLeadersRefusalsComeBackWithTheirStatus() {
        var notFound = follower.get("/apis/v1/applications/NOPE-1");
        var invalid = follower.post("/apis/v1/applications/operations", "{\"type\": \"SCALE\"}");

        assertThat(notFound.status()).isEqualTo(404);
        assertThat(notFound.json().get("message").asText()).isEqualTo("App NOPE-1 not found");
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.json().at("/data/validationErrors")).isNotEmpty();
    }

    @Test
    void aCallAlreadyForwardedIsNotForwardedAgain() {
        var answer = follower.call("GET", "/apis/v1/applications", null,
                Map.of(LeaderForwardingFilter.FORWARDED_BY, "10.0.0.9:4000"));

        assertThat(answer.status()).isEqualTo(503);
        assertThat(answer.json().get("status").asText()).isEqualTo("FAILED");
        assertThat(answer.json().get("message").asText()).startsWith("No leader controller");
        assertThat(leader.seen).noneMatch(seen -> seen.call().equals("GET /apis/v1/applications"));
    }

    @Test
    void aLeaderThatDoesNotAnswerIsA503() {
        leader.stopHttp();

        var answer = follower.get("/apis/v1/applications");

        assertThat(answer.status()).isEqualTo(503);
        assertThat(answer.json().get("message").asText()).startsWith("No leader controller answered");
    }

    @Test
    void withoutAKnownLeaderAFollowerAnswers503() throws Exception {
        leader.close();
        follower.close();
        var alone = open(ApiServer.outsider(zookeeper));

        var answer = alone.get("/apis/v1/cluster");

        assertThat(answer.status()).isEqualTo(503);
        assertThat(answer.json().get("message").asText()).startsWith("No leader controller is known");
    }

    private <T extends AutoCloseable> T open(T closeable) {
        opened.add(closeable);
        return closeable;
    }
}
