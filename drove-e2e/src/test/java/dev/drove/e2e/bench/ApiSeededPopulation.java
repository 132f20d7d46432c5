package dev.drove.e2e.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.drove.common.zookeeper.Curators;
import dev.drove.common.zookeeper.ZkConfig;
import dev.drove.common.zookeeper.ZkPaths;
import dev.drove.models.json.Json;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.api.transaction.CuratorOp;
import org.apache.zookeeper.CreateMode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A cluster written straight into ZooKeeper before the controller starts, in the layout the controller's stores use
 * (contract §4): {@code /applications/{appId}} for each app, {@code /instances/{appId}/{instanceId}} for each of its
 * HEALTHY instances, and one {@code /executor/*} entry per executor listing the instances placed on it (round robin).
 * The executors never run, so they are never admitted: the API lists no executor, but the controller still reads
 * their entries from ZooKeeper wherever it reads executor entries. A quick stand-in for hollow executors while
 * profiling; the controller's long executor grace period keeps it from marking the instances LOST.
 */
final class ApiSeededPopulation implements ApiPopulation {
    /** At most this many bytes per ZooKeeper transaction, well below its 1 MB request limit. */
    private static final int BATCH_BYTES = 256 * 1024;

    private final int apps;
    private final int instancesPerApp;
    private final int executors;

    ApiSeededPopulation(int apps, int instancesPerApp, int executors) {
        this.apps = apps;
        this.instancesPerApp = instancesPerApp;
        this.executors = executors;
    }

    @Override
    public String name() {
        return "seeded (" + executors + " unadmitted executor entries)";
    }

    @Override
    public void beforeStart(String zookeeper) throws Exception {
        try (var curator = Curators.start(ZkConfig.of(zookeeper))) {
            curator.blockUntilConnected();
            var onExecutor = new ArrayList<List<JsonNode>>();
            for (int e = 0; e < executors; e++) {
                onExecutor.add(new ArrayList<>());
            }
            var ops = new Batch(curator);
            ensure(curator, ZkPaths.APPLICATIONS);
            ensure(curator, ZkPaths.INSTANCES);
            ensure(curator, ZkPaths.EXECUTOR);
            long now = System.currentTimeMillis();
            int placed = 0;
            for (int a = 0; a < apps; a++) {
                var name = appName(a);
                var appId = name + "-1";
                ops.create(ZkPaths.child(ZkPaths.APPLICATIONS, appId), application(name, now));
                ops.create(ZkPaths.child(ZkPaths.INSTANCES, appId), null);
                for (int i = 0; i < instancesPerApp; i++) {
                    int executor = placed++ % executors;
                    var instance = instance(appId, name, executor, now);
                    onExecutor.get(executor).add(instance);
                    ops.create(ZkPaths.child(ZkPaths.INSTANCES, appId, instance.get("instanceId").asText()),
                            instance);
                }
            }
            for (int e = 0; e < executors; e++) {
                ops.create(ZkPaths.child(ZkPaths.EXECUTOR, executorHost(e)), executor(e, onExecutor.get(e), now));
            }
            ops.flush();
        }
    }

    @Override
    public void fill(ApiBenchController controller, int apps, int instancesPerApp) {
        awaitFilled(controller, apps, instancesPerApp);
    }

    static String appName(int app) {
        return String.format("BENCH_APP_%04d", app);
    }

    private static String executorHost(int executor) {
        return "bench-executor-" + executor + "-" + (20000 + executor);
    }

    private static void ensure(CuratorFramework curator, String path) throws Exception {
        if (curator.checkExists().forPath(path) == null) {
            curator.create().creatingParentsIfNeeded().forPath(path);
        }
    }

    /** Creates znodes in transactions of at most {@link #BATCH_BYTES}. */
    private static final class Batch {
        private final CuratorFramework curator;
        private final List<CuratorOp> ops = new ArrayList<>();
        private int bytes;

        Batch(CuratorFramework curator) {
            this.curator = curator;
        }

        /** Creates {@code path} holding {@code document} as JSON (no data for null). */
        void create(String path, JsonNode document) throws Exception {
            var data = document == null ? new byte[0] : bytes(document);
            if (bytes + data.length > BATCH_BYTES) {
                flush();
            }
            ops.add(curator.transactionOp().create().withMode(CreateMode.PERSISTENT).forPath(path, data));
            bytes += data.length + path.length();
        }

        void flush() throws Exception {
            if (!ops.isEmpty()) {
                curator.transaction().forOperations(ops);
                ops.clear();
                bytes = 0;
            }
        }
    }

    private static JsonNode application(String name, long now) throws IOException {
        try (var in = ApiSeededPopulation.class.getResourceAsStream("/test-app.json")) {
            var spec = (ObjectNode) Json.mapper().readTree(in);
            spec.put("name", name);
            ((ObjectNode) spec.get("executable")).put("url", "bench/hollow:1");
            var app = Json.mapper().createObjectNode();
            app.put("appId", name + "-1");
            app.set("spec", spec);
            app.put("instances", 20);
            app.put("created", now);
            app.put("updated", now);
            return app;
        }
    }

    private static ObjectNode instance(String appId, String name, int executor, long now) {
        var instance = Json.mapper().createObjectNode();
        instance.put("appId", appId);
        instance.put("appName", name);
        instance.put("instanceId", "AI-" + UUID.randomUUID());
        instance.put("executorId", "bench-executor-" + executor);
        var local = instance.putObject("localInfo");
        local.put("hostname", "127.0.0.1");
        local.putObject("ports").putObject("main").put("containerPort", 8000).put("hostPort", 30000 + executor)
                .put("portType", "HTTP");
        var resources = instance.putArray("resources");
        resources.addObject().put("type", "CPU").putObject("cores").putArray("0").add(executor % 32);
        resources.addObject().put("type", "MEMORY").putObject("memoryInMB").put("0", 16);
        instance.put("state", "HEALTHY");
        instance.putObject("metadata");
        instance.put("errorMessage", "");
        instance.put("created", now);
        instance.put("updated", now);
        return instance;
    }

    private static ObjectNode executor(int executor, List<JsonNode> instances, long now) {
        var node = Json.mapper().createObjectNode();
        node.put("type", "EXECUTOR");
        node.put("hostname", "bench-executor-" + executor);
        node.put("port", 20000 + executor);
        node.put("transportType", "HTTP");
        node.put("updated", now);
        var state = node.putObject("state");
        state.put("executorId", "bench-executor-" + executor);
        var cpus = state.putObject("cpus");
        cpus.put("type", "CPU");
        var free = cpus.putObject("freeCores").putArray("0");
        for (int core = instances.size(); core < 32; core++) {
            free.add(core);
        }
        var used = cpus.putObject("usedCores").putArray("0");
        for (int core = 0; core < instances.size(); core++) {
            used.add(core);
        }
        var memory = state.putObject("memory");
        memory.put("type", "MEMORY");
        memory.putObject("freeMemory").put("0", 65536 - 16L * instances.size());
        memory.putObject("usedMemory").put("0", 16L * instances.size());
        node.putArray("instances").addAll(instances);
        node.putArray("tasks");
        node.putArray("tags").add("bench-executor-" + executor);
        node.put("blacklisted", false);
        return node;
    }

    private static byte[] bytes(JsonNode document) {
        try {
            return Json.mapper().writeValueAsBytes(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
