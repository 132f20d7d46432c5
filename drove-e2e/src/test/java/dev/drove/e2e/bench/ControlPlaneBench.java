package dev.drove.e2e.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.drove.e2e.DroveApi;
import org.apache.curator.test.InstanceSpec;
import org.apache.curator.test.TestingServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import java.util.function.Predicate;
import java.util.stream.StreamSupport;

/**
 * The control-plane scale run of issue 11: a real ZooKeeper (in this JVM), the real controller jar, and hollow
 * executors in a few JVMs ({@code HollowFleet}); then {@code apps × instances} application instances are created and
 * destroyed through the REST API while the controller's CPU and heap and ZooKeeper's writes are measured.
 *
 * <pre>
 * start ZooKeeper, controller, fleets ─▶ all executors admitted
 *   ─▶ CREATE apps with N instances each ─▶ all RUNNING, N HEALTHY each     (time, CPU, heap, ZK bytes/instance)
 *   ─▶ SCALE every app to 0 ─▶ no instance left                            (time, CPU, ZK bytes/instance)
 *   ─▶ DESTROY every app ─▶ none left ─▶ stop everything, print the table
 * </pre>
 *
 * Knobs (system properties, defaults for the full run): {@code bench.executors} 1000, {@code bench.fleets} 4,
 * {@code bench.apps} 500, {@code bench.instances} 20, {@code bench.stateMs} 100, {@code bench.controllerHeap} 1g,
 * {@code bench.fleetHeap} 512m, {@code bench.parallelism} (per operation) 20, {@code bench.submitters} (API clients
 * posting the operations) 8, {@code bench.clusterOpParallelism} 32,
 * {@code bench.controllerLogLevel} INFO, {@code bench.timeoutMinutes} 30, {@code bench.dir}
 * (drove-e2e/target/control-plane-bench). A quick run: {@code -Dbench.executors=50 -Dbench.fleets=1 -Dbench.apps=20}.
 */
public final class ControlPlaneBench {
    private static final String NAMESPACE = "drove";

    private final int executors = Integer.getInteger("bench.executors", 1000);
    private final int fleets = Integer.getInteger("bench.fleets", 4);
    private final int apps = Integer.getInteger("bench.apps", 500);
    private final int instances = Integer.getInteger("bench.instances", 20);
    private final int stateMs = Integer.getInteger("bench.stateMs", 100);
    private final String controllerHeap = System.getProperty("bench.controllerHeap", "1g");
    private final String fleetHeap = System.getProperty("bench.fleetHeap", "512m");
    private final int parallelism = Integer.getInteger("bench.parallelism", 20);
    private final int submitters = Integer.getInteger("bench.submitters", 8);
    private final int clusterOpParallelism = Integer.getInteger("bench.clusterOpParallelism", 32);
    private final String logLevel = System.getProperty("bench.controllerLogLevel", "INFO");
    private final Duration timeout = Duration.ofMinutes(Integer.getInteger("bench.timeoutMinutes", 30));
    private final Path dir = Path.of(System.getProperty("bench.dir", "drove-e2e/target/control-plane-bench"))
            .toAbsolutePath();
    private final Map<String, String> figures = new LinkedHashMap<>();
    private long peakHeap;

    public static void main(String[] args) throws Exception {
        if (LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME) instanceof ch.qos.logback.classic.Logger root) {
            root.setLevel(ch.qos.logback.classic.Level.WARN); // the in-process ZooKeeper logs every request at DEBUG
        }
        new ControlPlaneBench().run();
        System.exit(0);
    }

    private void run() throws Exception {
        Files.createDirectories(dir);
        var zkData = Files.createTempDirectory(dir, "zk").toFile();
        say("Control-plane bench: %d hollow executors in %d JVMs, %d apps x %d instances (%d), output in %s",
                executors, fleets, apps, instances, apps * instances, dir);
        try (var zookeeper = new TestingServer(new InstanceSpec(zkData, -1, -1, -1, true, -1), true)) {
            var writes = new ZkWriteLog(zkData, NAMESPACE);
            var controller = ControllerProcess.start(dir, zookeeper.getConnectString(), controllerHeap, logLevel,
                    clusterOpParallelism);
            var fleetProcesses = new ArrayList<FleetProcess>();
            try {
                var api = new DroveApi(controller.port());
                await("the controller to lead", Duration.ofMinutes(3), controller,
                        () -> api.get("/apis/v1/ping").status() == 200);
                var started = Instant.now();
                int perFleet = (executors + fleets - 1) / fleets;
                int firstPort = FleetProcess.freePortRange(executors);
                for (int i = 0, left = executors; left > 0; i++, left -= perFleet) {
                    fleetProcesses.add(FleetProcess.start(dir, "fleet" + (i + 1), zookeeper.getConnectString(),
                            firstPort + i * perFleet, Math.min(perFleet, left), ControllerProcess.EXECUTOR_SECRET,
                            ControllerProcess.CONTROLLER_SECRET, fleetHeap,
                            List.of("--state-ms", Integer.toString(stateMs))));
                }
                for (var fleet : fleetProcesses) {
                    fleet.awaitReady(Duration.ofMinutes(5));
                }
                await(executors + " executors admitted", Duration.ofMinutes(5), controller, () -> {
                    var answer = api.get("/apis/v1/cluster/executors");
                    return answer.status() == 200 && answer.data().size() == executors;
                });
                figure("executors admitted after start", seconds(started));

                var beforeUp = writes.totals();
                double cpuBefore = controller.cpuSeconds();
                var upStart = Instant.now();
                submitAll(api, "CREATE", this::createOp);
                figure("create requests sent", seconds(upStart));
                await("every app RUNNING with " + instances + " HEALTHY", timeout, controller,
                        () -> countApps(api, app -> "RUNNING".equals(app.path("state").asText())
                                && app.path("healthyInstances").asInt() == instances) == apps);
                double upSeconds = seconds(upStart);
                double upCpu = controller.cpuSeconds() - cpuBefore;
                var upWrites = writes.totals().since(beforeUp);
                long afterGc = controller.heapUsedAfterGc();
                figure("time to all RUNNING / HEALTHY", String.format(Locale.ROOT, "%.1f s (%.0f instances/s)",
                        upSeconds, apps * instances / upSeconds));
                figure("controller CPU, scale-up", String.format(Locale.ROOT, "%.1f s (%.2f ms per instance)",
                        upCpu, upCpu * 1000 / (apps * instances)));
                figure("controller heap used after GC (RUNNING)", mb(afterGc));
                zkFigures("scale-up", upWrites, apps * instances);

                var beforeDown = writes.totals();
                cpuBefore = controller.cpuSeconds();
                var downStart = Instant.now();
                submitAll(api, "SCALE", app -> Map.of("type", "SCALE", "appId", appId(app),
                        "requiredInstances", 0, "opSpec", opSpec()));
                await("every app at 0 instances", timeout, controller,
                        () -> countApps(api, app -> app.path("healthyInstances").asInt() == 0
                                && "MONITORING".equals(app.path("state").asText())) == apps
                                && clusterUsedCores(api) == 0);
                double downSeconds = seconds(downStart);
                figure("time to 0 instances", String.format(Locale.ROOT, "%.1f s", downSeconds));
                figure("controller CPU, scale-down", String.format(Locale.ROOT, "%.1f s",
                        controller.cpuSeconds() - cpuBefore));
                zkFigures("scale-down", writes.totals().since(beforeDown), apps * instances);

                var destroyStart = Instant.now();
                submitAll(api, "DESTROY", app -> Map.of("type", "DESTROY", "appId", appId(app),
                        "opSpec", opSpec()));
                await("every app destroyed", timeout, controller, () -> {
                    var answer = api.get("/apis/v1/applications");
                    return answer.status() == 200 && answer.data().size() == 0;
                });
                figure("time to destroy every app", String.format(Locale.ROOT, "%.1f s", seconds(destroyStart)));
                var heap = controller.heap();
                figure("controller heap peak sampled / max", mb(peakHeap) + " / " + mb(heap[1]));
                figure("controller CPU, whole run", String.format(Locale.ROOT, "%.1f s", controller.cpuSeconds()));
                double fleetCpu = fleetProcesses.stream().mapToDouble(f -> ControllerProcess.cpuSeconds(f.pid()))
                        .sum();
                figure("hollow fleets CPU, whole run", String.format(Locale.ROOT, "%.1f s", fleetCpu));
            } finally {
                for (var fleet : fleetProcesses) {
                    fleet.close();
                }
                controller.close();
            }
        }
        printTable();
    }

    /** Posts one operation per app from {@link #submitters} threads, as many API clients would; any refusal fails. */
    private void submitAll(DroveApi api, String type, IntFunction<Map<String, Object>> operation)
            throws InterruptedException, ExecutionException {
        var pool = Executors.newFixedThreadPool(submitters);
        try {
            var answers = new ArrayList<Future<?>>();
            for (int app = 0; app < apps; app++) {
                int index = app;
                answers.add(pool.submit(() -> {
                    var answer = api.post("/apis/v1/applications/operations", operation.apply(index));
                    if (answer.status() != 200) {
                        throw new IllegalStateException(type + " of app " + index + " answered " + answer);
                    }
                }));
            }
            for (var answer : answers) {
                answer.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private void zkFigures(String phase, ZkWriteLog.Totals written, long count) {
        figure("ZK bytes written per instance, " + phase, String.format(Locale.ROOT,
                "%.0f B (%d writes, %.1f per instance; %s)", written.allBytes() / (double) count,
                written.allWrites(), written.allWrites() / (double) count, breakdown(written, count)));
    }

    private static String breakdown(ZkWriteLog.Totals written, long count) {
        var parts = new ArrayList<String>();
        written.bytes().forEach((area, bytes) -> {
            if (bytes > 0) {
                parts.add(String.format(Locale.ROOT, "%s %.0f B", area, bytes / (double) count));
            }
        });
        return String.join(", ", parts);
    }

    private Map<String, Object> createOp(int app) {
        var spec = new LinkedHashMap<String, Object>();
        spec.put("name", "BENCH_APP_" + app);
        spec.put("version", "1");
        spec.put("type", "SERVICE");
        spec.put("executable", Map.of("type", "DOCKER", "url", "hollow/never-pulled:1",
                "dockerPullTimeout", "100 seconds"));
        spec.put("resources", List.of(Map.of("type", "CPU", "count", 1), Map.of("type", "MEMORY", "sizeInMB", 512)));
        spec.put("placementPolicy", Map.of("type", "ANY"));
        spec.put("exposedPorts", List.of(Map.of("name", "main", "port", 8000, "type", "HTTP")));
        spec.put("healthcheck", check());
        spec.put("readiness", check());
        spec.put("env", Map.of());
        spec.put("tags", Map.of("bench", "control-plane"));
        spec.put("logging", Map.of("type", "LOCAL", "maxSize", "100m", "maxFiles", 3, "compress", true));
        return Map.of("type", "CREATE", "spec", spec, "instances", instances, "opSpec", opSpec());
    }

    private static Map<String, Object> check() {
        return Map.of("mode", Map.of("type", "HTTP", "protocol", "HTTP", "portName", "main", "path", "/",
                        "verb", "GET", "successCodes", List.of(200), "payload", "", "connectionTimeout", "1 second"),
                "timeout", "1 second", "interval", "1 second", "attempts", 3, "initialDelay", "0 seconds");
    }

    private Map<String, Object> opSpec() {
        return Map.of("timeout", "10m", "parallelism", parallelism, "failureStrategy", "STOP");
    }

    private static String appId(int app) {
        return "BENCH_APP_" + app + "-1";
    }

    private int countApps(DroveApi api, Predicate<JsonNode> test) {
        var answer = api.get("/apis/v1/applications");
        if (answer.status() != 200 || answer.data() == null) {
            return -1;
        }
        var apps = answer.data().isObject() ? StreamSupport.stream(
                ((Iterable<JsonNode>) answer.data()::elements).spliterator(), false)
                : StreamSupport.stream(answer.data().spliterator(), false);
        return (int) apps.filter(test).count();
    }

    private static int clusterUsedCores(DroveApi api) {
        var answer = api.get("/apis/v1/cluster");
        return answer.status() == 200 ? answer.data().path("usedCores").asInt(-1) : -1;
    }

    /** Polls every second, sampling the controller's heap; fails when the controller dies or time runs out. */
    private void await(String what, Duration limit, ControllerProcess controller, java.util.function.BooleanSupplier done)
            throws InterruptedException {
        var start = Instant.now();
        long deadline = System.nanoTime() + limit.toNanos();
        long lastSay = System.nanoTime();
        while (true) {
            if (!controller.isAlive()) {
                throw new IllegalStateException("The controller died:\n" + tail(controller.output()));
            }
            peakHeap = Math.max(peakHeap, controller.heap()[0]);
            if (done.getAsBoolean()) {
                say("  %s after %.1f s", what, seconds(start));
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Timed out waiting for " + what);
            }
            if (System.nanoTime() - lastSay > Duration.ofSeconds(15).toNanos()) {
                say("  waiting for %s (%.0f s)", what, seconds(start));
                lastSay = System.nanoTime();
            }
            Thread.sleep(1000);
        }
    }

    private void figure(String name, double seconds) {
        figure(name, String.format(Locale.ROOT, "%.1f s", seconds));
    }

    private void figure(String name, String value) {
        figures.put(name, value);
        say("  %s: %s", name, value);
    }

    private void printTable() throws java.io.IOException {
        var table = new StringBuilder(String.format(Locale.ROOT,
                "%n| Control plane: %d hollow executors (%d JVMs), %d apps x %d instances | |%n|---|---|%n",
                executors, fleets, apps, instances));
        figures.forEach((name, value) -> table.append("| ").append(name).append(" | ").append(value)
                .append(" |\n"));
        System.out.println(table);
        Files.writeString(dir.resolve("results.md"), table.toString());
    }

    private static double seconds(Instant since) {
        return Duration.between(since, Instant.now()).toMillis() / 1000.0;
    }

    private static String mb(long bytes) {
        return bytes < 0 ? "n/a" : String.format(Locale.ROOT, "%.0f MB", bytes / 1024.0 / 1024.0);
    }

    private static String tail(String text) {
        return text.length() > 5000 ? text.substring(text.length() - 5000) : text;
    }

    private static void say(String format, Object... args) {
        System.out.println(String.format(Locale.ROOT, format, args));
        System.out.flush();
    }

}
