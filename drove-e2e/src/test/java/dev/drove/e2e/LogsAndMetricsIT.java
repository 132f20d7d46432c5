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
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 6's log files, metrics and health on a real cluster: the controller and executor jars as processes, a real
 * ZooKeeper and the local Docker engine; logs read only through the controller's documented API
 * (docs: apis/logs.md), metrics from the admin ports (docs: cluster/metrics.md).
 */
@ExtendWith(DockerExtension.class)
class LogsAndMetricsIT {
    private static final String APP_ID = "TEST_APP-1";
    private static final Duration LONG = Duration.ofSeconds(120);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @RegisterExtension
    static final ClusterExtension cluster = ClusterExtension.builder().build();

    private String image;

    @BeforeEach
    void tagTheAppImage(DockerClient docker) throws Exception {
        image = TestImages.unpullable(docker, TestImage.APP);
    }

    @Test
    void aRunningInstancesOutputIsListedTailedAndDownloadedThroughTheController() {
        var controller = cluster.addController();
        cluster.addExecutor();
        var api = cluster.awaitReady(1);
        assertThat(api.post("/apis/v1/applications/operations", createOp(1)).status()).isEqualTo(200);
        var instance = awaitHealthyInstance(api);
        var instanceId = instance.get("instanceId").asText();
        var logs = "/apis/v1/logfiles/applications/" + APP_ID + "/" + instanceId;
        var port = controller.port();

        await("output.log is listed").atMost(LONG).until(() -> {
            var list = api.get(logs + "/list");
            return list.status() == 200 && list.body().get("files").toString().contains("\"output.log\"");
        });
        assertThat(StreamSupport.stream(api.get(logs + "/list").body().get("files").spliterator(), false)
                .map(JsonNode::asText)).allMatch(name -> name.startsWith("output."));

        var tail = api.get(logs + "/read/output.log?offset=-1&length=4096");
        assertThat(tail.status()).as(tail::toString).isEqualTo(200);
        assertThat(tail.body().get("data").asText()).isEmpty();
        long offset = tail.body().get("offset").asLong();
        assertThat(offset).isPositive();

        var marker = "drove-marker-" + UUID.randomUUID();
        var hostPort = instance.at("/localInfo/ports/main/hostPort").asInt();
        assertThat(call("http://127.0.0.1:" + hostPort + "/cgi-bin/env?" + marker).statusCode()).isEqualTo(200);

        var seen = new StringBuilder();
        var next = new long[]{offset};
        await("the request's log line in a read from the returned offset").atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(250)).until(() -> {
                    var chunk = api.get(logs + "/read/output.log?offset=" + next[0] + "&length=4096");
                    assertThat(chunk.status()).as(chunk::toString).isEqualTo(200);
                    var nextOffset = chunk.body().get("offset").asLong();
                    assertThat(nextOffset).isGreaterThanOrEqualTo(next[0]);
                    seen.append(chunk.body().get("data").asText());
                    next[0] = nextOffset;
                    return seen.toString().contains("drove-test-app GET /cgi-bin/env?" + marker);
                });
        assertThat(seen.toString()).doesNotContain("drove-test-app listening on");

        var download = call("http://127.0.0.1:" + port + logs + "/download/output.log");
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.headers().firstValue("Content-Disposition")).contains("attachment; filename=output.log");
        assertThat(download.body()).contains("drove-test-app listening on").contains(marker);

        var follower = cluster.addController();
        await("a follower relays the download with its header").atMost(LONG).ignoreExceptions().until(() -> {
            var relayed = call("http://127.0.0.1:" + follower.port() + logs + "/download/output.log");
            return relayed.statusCode() == 200 && relayed.body().contains(marker)
                    && relayed.headers().firstValue("Content-Disposition").orElse("")
                    .equals("attachment; filename=output.log");
        });

        for (var unsafe : new String[]{"/read/..%2F..%2F..%2F..%2Fetc%2Fpasswd", "/download/..%2Fdrove-executor.log",
                "/read/..%5C..%5Cetc%5Cpasswd", "/read/%2Fetc%2Fpasswd", "/read/output.log%00.png"}) {
            assertThat(api.get(logs + unsafe).status()).as(unsafe).isEqualTo(400);
        }
        var parent = api.get(logs + "/read/..");
        assertThat(parent.status()).isEqualTo(400);
        assertThat(parent.body().get("message").asText()).isEqualTo("A log file name must not be '.' or '..'");
        var ownLog = api.get(logs + "/download/drove-executor.log");
        assertThat(ownLog.status()).isEqualTo(400);
        assertThat(ownLog.body().get("message").asText()).startsWith("Only an instance's output files");

        var unknown = api.get("/apis/v1/logfiles/applications/" + APP_ID + "/AI-unknown/list");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.body().get("message").asText()).isEqualTo("Instance AI-unknown of app TEST_APP-1 not found");
    }

    @Test
    void theAdminPortsCountOperationsTimeTheirWorkAndAnswerPrometheusAndHealth() throws IOException {
        var controller = cluster.addController();
        var executor = cluster.addExecutor();
        var api = cluster.awaitReady(1);
        assertThat(api.post("/apis/v1/applications/operations", createOp(1)).status()).isEqualTo(200);
        awaitHealthy(api, 1);
        awaitRunning(api);
        var admin = "http://127.0.0.1:" + controller.adminPort();
        // CREATE may fail when the leader has not yet read the executor; the app monitor then repairs with a SCALE.
        await("CREATE counted").atMost(LONG).until(() -> meter(admin, "drove.operations.CREATE.SUCCESS")
                + meter(admin, "drove.operations.CREATE.FAILED") == 1);

        long scalesBefore = meter(admin, "drove.operations.SCALE_INSTANCES.SUCCESS");
        long placementsBefore = timerCount(admin, "drove.scheduler.placements");
        assertThat(api.post("/apis/v1/applications/operations", Map.of("type", "SCALE", "appId", APP_ID,
                "requiredInstances", 2, "opSpec", Map.of("timeout", "2m", "parallelism", 2,
                        "failureStrategy", "STOP"))).status()).isEqualTo(200);
        awaitHealthy(api, 2);
        await("the SCALE is counted").atMost(LONG)
                .until(() -> meter(admin, "drove.operations.SCALE_INSTANCES.SUCCESS") > scalesBefore);
        assertThat(timerCount(admin, "drove.scheduler.placements")).isGreaterThan(placementsBefore);
        assertThat(timerCount(admin, "drove.zookeeper.reads")).isPositive();
        assertThat(timerCount(admin, "drove.zookeeper.writes")).isPositive();
        await("the instance gauge sees both instances").atMost(Duration.ofSeconds(30))
                .until(() -> metrics(admin).at("/gauges/drove.instances.HEALTHY/value").asLong() == 2);

        var prometheus = call(admin + "/prometheus");
        assertThat(prometheus.statusCode()).isEqualTo(200);
        assertThat(prometheus.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/plain"));
        assertThat(prometheus.body()).contains("# TYPE drove_operations_SCALE_INSTANCES_SUCCESS_total counter")
                .contains("drove_scheduler_placements_count");
        var controllerHealth = Json.mapper().readTree(call(admin + "/healthcheck").body());
        assertThat(controllerHealth.at("/zookeeper/healthy").asBoolean()).isTrue();

        var executorAdmin = "http://127.0.0.1:" + executor.adminPort();
        assertThat(timerCount(executorAdmin, "drove.docker.create")).isGreaterThanOrEqualTo(2);
        assertThat(metrics(executorAdmin).at("/gauges/drove.executor.instances.HEALTHY/value").asLong())
                .isEqualTo(2);
        var executorPrometheus = call(executorAdmin + "/prometheus");
        assertThat(executorPrometheus.statusCode()).isEqualTo(200);
        assertThat(executorPrometheus.body()).contains("drove_docker_start_count");
        var executorHealth = Json.mapper().readTree(call(executorAdmin + "/healthcheck").body());
        assertThat(executorHealth.at("/docker/healthy").asBoolean()).as(executorHealth::toString).isTrue();
        assertThat(executorHealth.at("/zookeeper/healthy").asBoolean()).isTrue();
    }

    private static JsonNode metrics(String admin) throws IOException {
        var response = call(admin + "/metrics");
        assertThat(response.statusCode()).isEqualTo(200);
        return Json.mapper().readTree(response.body());
    }

    private static long meter(String admin, String name) throws IOException {
        return metrics(admin).path("meters").path(name).path("count").asLong(-1);
    }

    private static long timerCount(String admin, String name) throws IOException {
        return metrics(admin).path("timers").path(name).path("count").asLong(-1);
    }

    private static HttpResponse<String> call(String url) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private JsonNode awaitHealthyInstance(DroveApi api) {
        awaitHealthy(api, 1);
        return healthy(api).iterator().next();
    }

    /** Waits until the app rests in RUNNING: no operation (submitted or repair) is in flight. */
    private static void awaitRunning(DroveApi api) {
        await("app RUNNING").atMost(LONG).until(() -> {
            var app = api.get("/apis/v1/applications/" + APP_ID);
            return app.status() == 200 && "RUNNING".equals(app.data().get("state").asText());
        });
    }

    private static void awaitHealthy(DroveApi api, int count) {
        await(count + " healthy instances").atMost(LONG).until(() -> healthy(api).size() == count);
    }

    private static java.util.List<JsonNode> healthy(DroveApi api) {
        var answer = api.get("/apis/v1/applications/" + APP_ID + "/instances");
        if (answer.status() != 200 || answer.data() == null) {
            return java.util.List.of();
        }
        return StreamSupport.stream(answer.data().spliterator(), false)
                .filter(i -> "HEALTHY".equals(i.get("state").asText()))
                .toList();
    }

    private JsonNode createOp(int instances) {
        try (var in = getClass().getResourceAsStream("/test-app.json")) {
            var spec = (ObjectNode) Json.mapper().readTree(in);
            ((ObjectNode) spec.get("executable")).put("url", image);
            var op = Json.mapper().createObjectNode();
            op.put("type", "CREATE");
            op.set("spec", spec);
            op.put("instances", instances);
            op.set("opSpec", Json.mapper().valueToTree(Map.of("timeout", "2m", "parallelism", 1,
                    "failureStrategy", "STOP")));
            return op;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
