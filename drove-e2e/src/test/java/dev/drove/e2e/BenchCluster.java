package dev.drove.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.dockerjava.api.DockerClient;
import dev.drove.common.testkit.TestImage;
import dev.drove.common.testkit.TestImages;
import org.apache.curator.test.TestingServer;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.awaitility.Awaitility.await;

/**
 * The end-to-end kit's cluster for the bench mains of {@code dev.drove.e2e.bench}, which live in another package: one
 * controller and one executor as processes ({@link TestCluster}) on a throw-away ZooKeeper and the local Docker
 * engine, running the test app image under an unpullable name. Its API answers are the envelope as JSON.
 */
public final class BenchCluster implements AutoCloseable {
    private static final Duration START_TIME = Duration.ofMinutes(5);

    /** One API answer: the HTTP status (-1 when there was none) and the envelope. */
    public record Reply(int status, JsonNode body) {
        public JsonNode data() {
            return body == null ? null : body.get("data");
        }
    }

    private final DockerClient docker;
    private final TestingServer zookeeper;
    private final TestCluster cluster;
    private final ClusterProbe probe;
    private final ServiceProcess executor;
    private final DroveApi api;

    private BenchCluster(DockerClient docker, TestingServer zookeeper, TestCluster cluster, ClusterProbe probe,
                         ServiceProcess executor, DroveApi api) {
        this.docker = docker;
        this.zookeeper = zookeeper;
        this.cluster = cluster;
        this.probe = probe;
        this.executor = executor;
        this.api = api;
    }

    /**
     * Starts ZooKeeper, one controller and one executor offering {@code cpuMultiplier} vcores per CPU, and waits
     * until the leader sees the executor. The executor and controller jars come from the system properties
     * {@code drove.controller.jar} and {@code drove.executor.jar}.
     */
    public static BenchCluster start(DockerClient docker, Path dir, int cpuMultiplier) throws Exception {
        var image = TestImages.unpullable(docker, TestImage.APP);
        var zookeeper = new TestingServer(true);
        var cluster = new TestCluster(dir, zookeeper.getConnectString()).withCpuMultiplier(cpuMultiplier);
        try {
            cluster.addController();
            var executor = cluster.addExecutor();
            var api = awaitReady(cluster);
            return new BenchCluster(docker, zookeeper, cluster, new ClusterProbe(cluster, docker, image), executor,
                    api);
        } catch (Exception | Error e) {
            cluster.close(docker);
            zookeeper.close();
            throw e;
        }
    }

    /**
     * The leader's API once it sees the executor: like {@link TestCluster#awaitReady} but waiting up to
     * {@link #START_TIME}, as a machine busy with other work may take minutes to start two JVMs.
     */
    private static DroveApi awaitReady(TestCluster cluster) {
        await("a leader that sees the executor").atMost(START_TIME).pollInterval(Duration.ofSeconds(1)).until(() -> {
            for (var process : List.of(cluster.controllers().get(0), cluster.executors().get(0))) {
                if (!process.isAlive()) {
                    throw new IllegalStateException(process.name() + " died:\n" + process.output());
                }
            }
            return cluster.leader().map(leader -> {
                var answer = cluster.api(leader).get("/apis/v1/cluster/executors");
                return answer.status() == 200 && answer.data().size() == 1;
            }).orElse(false);
        });
        return cluster.api(cluster.leader().orElseThrow());
    }

    /** A CREATE operation of the test app (docs' sample spec) named {@code name} with {@code instances}. */
    public JsonNode createOp(String name, int instances) {
        return probe.createOp(name, instances);
    }

    /** A SCALE operation of {@code appId} to {@code instances}, {@code parallelism} at a time, within {@code timeout}. */
    public static Map<String, Object> scaleOp(String appId, int instances, int parallelism, String timeout) {
        return Map.of("type", "SCALE", "appId", appId, "requiredInstances", instances, "opSpec",
                Map.of("timeout", timeout, "parallelism", parallelism, "failureStrategy", "STOP"));
    }

    /** The id of the app the sample spec named {@code name} gets. */
    public static String appId(String name) {
        return ClusterProbe.appId(name);
    }

    public Reply get(String path) {
        var answer = api.get(path);
        return new Reply(answer.status(), answer.body());
    }

    public Reply post(String path, Object body) {
        var answer = body instanceof String json ? api.post(path, json) : api.post(path, body);
        return new Reply(answer.status(), answer.body());
    }

    /** Instance id to container id of the running containers of {@code appId}. */
    public Map<String, String> containers(String appId) {
        return probe.containers(appId);
    }

    /** The executor's process id. */
    public long executorPid() {
        return executor.pid();
    }

    /** The executor's admin port (/metrics). */
    public int executorAdminPort() {
        return executor.adminPort();
    }

    /** The controller's process id. */
    public long controllerPid() {
        return cluster.controllers().get(0).pid();
    }

    /** Where the executor's output goes, for a failure report. */
    public String executorOutput() {
        return executor.output();
    }

    /** Stops the processes and ZooKeeper, and removes the containers the executor left. */
    @Override
    public void close() throws Exception {
        cluster.close(docker);
        zookeeper.close();
    }
}
