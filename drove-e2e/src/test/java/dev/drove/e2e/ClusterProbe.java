package dev.drove.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Container;
import dev.drove.common.discovery.ExecutorId;
import dev.drove.models.json.Json;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.stream.StreamSupport;

import static org.awaitility.Awaitility.await;

/**
 * What the fault-tolerance tests look at, from both sides: the controller's view of an app through the REST API, and
 * the executors' real containers through {@code docker ps} (running containers with the {@code drove.instance.id}
 * label, named {@code {appId}-{instanceId}}). Apps are the docs' sample (/test-app.json) renamed, so app {@code NAME}
 * has the id {@code NAME-1}.
 */
final class ClusterProbe {
    static final Duration LONG = Duration.ofSeconds(120);
    private static final String INSTANCE_LABEL = "drove.instance.id";
    private static final String EXECUTOR_LABEL = "drove.executor.id";

    private final TestCluster cluster;
    private final DockerClient docker;
    private final String image;

    ClusterProbe(TestCluster cluster, DockerClient docker, String image) {
        this.cluster = cluster;
        this.docker = docker;
        this.image = image;
    }

    static String appId(String name) {
        return name + "-1";
    }

    /** A CREATE operation for the sample app named {@code name} with {@code instances} instances. */
    JsonNode createOp(String name, int instances) {
        try (var in = ClusterProbe.class.getResourceAsStream("/test-app.json")) {
            var spec = (ObjectNode) Json.mapper().readTree(in);
            spec.put("name", name);
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

    static Map<String, Object> scaleOp(String appId, int instances) {
        return Map.of("type", "SCALE", "appId", appId, "requiredInstances", instances, "opSpec", opSpec(3));
    }

    static Map<String, Object> opSpec(int parallelism) {
        return Map.of("timeout", "2m", "parallelism", parallelism, "failureStrategy", "STOP");
    }

    /** Creates the app through the leader and waits until {@code instances} of it are HEALTHY. */
    void create(String name, int instances) {
        var created = leaderApi().post("/apis/v1/applications/operations", createOp(name, instances));
        if (created.status() != 200) {
            throw new IllegalStateException("CREATE of " + name + " was refused: " + created);
        }
        awaitHealthy(appId(name), instances, LONG);
    }

    /** Whether {@code node}'s process is up and its HTTP port answers (any status). */
    static boolean answers(ServiceProcess node) {
        return node.isAlive() && new DroveApi(node.port()).get("/apis/v1/ping").status() > 0;
    }

    /** The API of the current leader, waiting up to a minute for one. */
    DroveApi leaderApi() {
        var leader = await("a leader").atMost(Duration.ofSeconds(60)).until(cluster::leader, Optional::isPresent);
        return cluster.api(leader.orElseThrow());
    }

    /** The controller's instances of {@code appId}, or none when no leader answers. */
    List<JsonNode> instances(String appId) {
        var leader = cluster.leader();
        if (leader.isEmpty()) {
            return List.of();
        }
        var answer = cluster.api(leader.get()).get("/apis/v1/applications/" + appId + "/instances");
        if (answer.status() != 200 || answer.data() == null) {
            return List.of();
        }
        return StreamSupport.stream(answer.data().spliterator(), false).toList();
    }

    /** Instance id to executor id of the HEALTHY instances of {@code appId}, as the controller sees them. */
    Map<String, String> healthy(String appId) {
        var healthy = new TreeMap<String, String>();
        instances(appId).stream().filter(i -> "HEALTHY".equals(i.path("state").asText()))
                .forEach(i -> healthy.put(i.get("instanceId").asText(), i.path("executorId").asText()));
        return healthy;
    }

    void awaitHealthy(String appId, int count, Duration within) {
        await(count + " healthy instances of " + appId).atMost(within).pollInterval(Duration.ofMillis(500))
                .until(() -> healthy(appId).size() == count);
    }

    /** Instance id to container id of the running containers of {@code appId} on this machine. */
    Map<String, String> containers(String appId) {
        var containers = new TreeMap<String, String>();
        running().stream().filter(c -> isOf(c, appId))
                .forEach(c -> containers.put(c.getLabels().get(INSTANCE_LABEL), c.getId()));
        return containers;
    }

    /** Executor id to the instance ids of the running Drove containers it started, for this cluster's executors. */
    Map<String, Set<String>> containersByExecutor() {
        var byExecutor = new HashMap<String, Set<String>>();
        cluster.executors().forEach(e -> byExecutor.put(executorId(e), new HashSet<>()));
        running().forEach(c -> {
            var ids = byExecutor.get(c.getLabels().get(EXECUTOR_LABEL));
            if (ids != null) {
                ids.add(c.getLabels().get(INSTANCE_LABEL));
            }
        });
        return byExecutor;
    }

    static String executorId(ServiceProcess executor) {
        return ExecutorId.of(TestCluster.EXECUTOR_HOST, executor.port());
    }

    private List<Container> running() {
        return docker.listContainersCmd().withLabelFilter(List.of(INSTANCE_LABEL)).exec();
    }

    private static boolean isOf(Container container, String appId) {
        var names = container.getNames();
        return names != null && Arrays.stream(names).anyMatch(n -> n.startsWith("/" + appId + "-"));
    }

    /** Runs {@code check} until it passes, returning how long that took. */
    static Duration timeUntil(String what, Duration within, Callable<Boolean> check) {
        long start = System.nanoTime();
        await(what).atMost(within).pollInterval(Duration.ofMillis(250)).until(check);
        return Duration.ofNanos(System.nanoTime() - start);
    }
}
