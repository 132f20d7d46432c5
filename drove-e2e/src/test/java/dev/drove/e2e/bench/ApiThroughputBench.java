package dev.drove.e2e.bench;

import dev.drove.models.json.Json;
import org.apache.curator.test.TestingServer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.awaitility.Awaitility.await;

/**
 * Issue 11, API throughput: a controller (its jar, as a process) over a cluster of {@code apps} applications of
 * {@code instances} HEALTHY instances each, then {@code wrk} on {@code GET /apis/v1/applications} and
 * {@code GET /apis/v1/cluster}, {@code connections} connections for {@code seconds} each after a warm-up; prints
 * requests per second and the p50/p90/p99 latency per endpoint, then tears everything down.
 *
 * <p>Arguments, as {@code name=value}: {@code population} ({@code hollow}: hollow executors, the controller places
 * every instance; {@code seeded}: written into ZooKeeper before the controller starts), {@code apps} (1000),
 * {@code instances} (20 per app), {@code executors} (1000), {@code coresPerNode} (32; hollow executors have two NUMA
 * nodes), {@code seconds} (30), {@code warmup} (10 s),
 * {@code connections} (4), {@code threads} (2), {@code heap} (1g), {@code endpoints} (comma-separated paths; both by
 * default), {@code jfr} (a file prefix: the controller keeps a flight recording of each measured run in
 * {@code <prefix>-apis-v1-<endpoint>.jfr}), {@code dir} (where logs go; a temporary directory by default). The
 * controller jar is {@code -Ddrove.controller.jar}, by default {@code drove-controller/target/drove-controller.jar};
 * {@code compare} names more controller jars (comma-separated, e.g. a build from before a change): once the first
 * one is measured it is stopped and each of them in turn takes over the same cluster and is measured the same way.
 * Exits with status 1 when an endpoint answered anything but 200 or a socket failed. See
 * {@code scripts/bench.sh api}.
 */
public final class ApiThroughputBench {
    static final List<String> ENDPOINTS = List.of("/apis/v1/applications", "/apis/v1/cluster");

    private ApiThroughputBench() {
    }

    /** One endpoint measured on one controller jar. */
    private record Measured(String jar, String endpoint, int bytes, ApiWrk.Result result) {
    }

    public static void main(String[] args) throws Exception {
        var options = options(args);
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
                .setLevel(ch.qos.logback.classic.Level.WARN);
        int apps = Integer.parseInt(options.getOrDefault("apps", "1000"));
        int instances = Integer.parseInt(options.getOrDefault("instances", "20"));
        int executors = Integer.parseInt(options.getOrDefault("executors", "1000"));
        var measured = Duration.ofSeconds(Long.parseLong(options.getOrDefault("seconds", "30")));
        var warmup = Duration.ofSeconds(Long.parseLong(options.getOrDefault("warmup", "10")));
        int connections = Integer.parseInt(options.getOrDefault("connections", "4"));
        int threads = Integer.parseInt(options.getOrDefault("threads", "2"));
        var dir = options.containsKey("dir") ? Path.of(options.get("dir"))
                : Files.createTempDirectory("api-bench");
        var jars = new ArrayList<Path>();
        jars.add(Path.of(System.getProperty("drove.controller.jar", "drove-controller/target/drove-controller.jar"))
                .toAbsolutePath());
        if (options.containsKey("compare")) {
            for (var other : options.get("compare").split(",")) {
                jars.add(Path.of(other).toAbsolutePath());
            }
        }
        var jvm = List.of("-Xmx" + options.getOrDefault("heap", "1g"));
        var jfr = options.containsKey("jfr") ? Path.of(options.get("jfr")).toAbsolutePath() : null;
        var endpoints = options.containsKey("endpoints") ? List.of(options.get("endpoints").split(","))
                : ENDPOINTS;
        ApiWrk.ensureInstalled();
        int coresPerNode = Integer.parseInt(options.getOrDefault("coresPerNode", "32"));
        var population = population(options.getOrDefault("population", "hollow"), apps, instances, executors,
                coresPerNode, dir);
        System.out.printf("[api-bench] %s, %d apps x %d instances, %d connections, %d s per endpoint; logs in %s%n",
                population.name(), apps, instances, connections, measured.toSeconds(), dir);
        var results = new ArrayList<Measured>();
        try (var zookeeper = new TestingServer(true); population) {
            long seeding = System.nanoTime();
            population.beforeStart(zookeeper.getConnectString());
            for (int j = 0; j < jars.size(); j++) {
                var jar = jars.get(j);
                try (var controller = new ApiBenchController(dir.resolve("controller-" + (j + 1)),
                        zookeeper.getConnectString())) {
                    controller.start(jar, jvm);
                    await("the controller leads").atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(500))
                            .until(() -> {
                                controller.checkAlive();
                                return controller.get("/apis/v1/ping").status() == 200;
                            });
                    if (j == 0) {
                        population.fill(controller, apps, instances);
                    } else {
                        population.awaitFilled(controller, apps, instances);
                    }
                    awaitQuiet(controller);
                    System.out.printf("[api-bench] %s ready after %.1f s: %s%n", jar,
                            (System.nanoTime() - seeding) / 1e9, controller.get("/apis/v1/cluster").body());
                    for (var endpoint : endpoints) {
                        var size = controller.get(endpoint).body().length();
                        ApiWrk.measure(controller.url(endpoint), threads, connections, warmup);
                        var recording = jfr == null ? null : jfr.resolveSibling(jfr.getFileName() + "-" + (j + 1)
                                + endpoint.replace('/', '-') + ".jfr");
                        if (recording != null) {
                            jcmd(controller.pid(), "JFR.start", "name=api-bench", "settings=profile",
                                    "filename=" + recording);
                        }
                        var result = ApiWrk.measure(controller.url(endpoint), threads, connections, measured);
                        if (recording != null) {
                            jcmd(controller.pid(), "JFR.stop", "name=api-bench");
                            System.out.println("[api-bench] flight recording of GET " + endpoint + ": " + recording);
                        }
                        results.add(new Measured(jar.getFileName().toString(), endpoint, size, result));
                        System.out.printf(Locale.ROOT, "[api-bench] %s GET %s (%,d bytes): %,.0f req/s, p50 %.2f ms, "
                                        + "p90 %.2f ms, p99 %.2f ms, %d non-2xx %s%n", jar.getFileName(), endpoint,
                                size, result.requestsPerSecond(), result.p50Millis(), result.p90Millis(),
                                result.p99Millis(), result.non2xx(), result.socketErrors());
                    }
                    controller.checkAlive();
                }
            }
        }
        System.out.println();
        System.out.println("| controller jar | endpoint | bytes | req/s | p50 ms | p90 ms | p99 ms |");
        System.out.println("|---|---|---:|---:|---:|---:|---:|");
        for (var m : results) {
            System.out.printf(Locale.ROOT, "| %s | GET %s | %,d | %,.0f | %.2f | %.2f | %.2f |%n", m.jar(),
                    m.endpoint(), m.bytes(), m.result().requestsPerSecond(), m.result().p50Millis(),
                    m.result().p90Millis(), m.result().p99Millis());
        }
        System.exit(results.stream().allMatch(m -> m.result().isClean()) ? 0 : 1);
    }

    /**
     * Waits (at most 5 minutes) until the application listing stays the same for 5 s: the controller has finished
     * what a new term starts with (recovering every application), so the runs measure reads, not a busy leader.
     */
    private static void awaitQuiet(ApiBenchController controller) {
        var last = new String[1];
        await("the application listing stays the same for 5 s").atMost(Duration.ofMinutes(5))
                .pollInterval(Duration.ofSeconds(5)).until(() -> {
                    var now = controller.get(ENDPOINTS.get(0)).body();
                    var same = now.equals(last[0]);
                    last[0] = now;
                    return same;
                });
    }

    /** Runs {@code jcmd pid command args…} (flight recordings), failing when it fails. */
    private static void jcmd(long pid, String... command) throws IOException, InterruptedException {
        var line = new ArrayList<String>();
        line.add(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString());
        line.add(Long.toString(pid));
        line.addAll(List.of(command));
        var process = new ProcessBuilder(line).redirectErrorStream(true).start();
        var output = new String(process.getInputStream().readAllBytes());
        if (process.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", line) + " failed: " + output);
        }
    }

    /**
     * How many applications the controller lists with at least {@code healthy} HEALTHY instances, over every page of
     * {@code GET /apis/v1/applications}.
     */
    static int healthyApps(ApiBenchController controller, int healthy) throws IOException {
        int count = 0;
        for (int from = 0; ; from += 1024) {
            var answer = controller.get("/apis/v1/applications?from=" + from + "&size=1024");
            if (answer.status() != 200) {
                return -1;
            }
            var data = Json.mapper().readTree(answer.body()).path("data");
            for (var app : data) {
                if (app.path("healthyInstances").asLong() >= healthy) {
                    count++;
                }
            }
            if (data.size() < 1024) {
                return count;
            }
        }
    }

    private static ApiPopulation population(String name, int apps, int instances, int executors, int coresPerNode,
                                            Path dir) {
        switch (name) {
            case "seeded":
                return new ApiSeededPopulation(apps, instances, executors);
            case "hollow":
                return new ApiHollowPopulation(executors, coresPerNode, dir.resolve("fleets"));
            default:
                throw new IllegalArgumentException("Unknown population " + name + "; use seeded or hollow");
        }
    }

    private static Map<String, String> options(String[] args) {
        var options = new LinkedHashMap<String, String>();
        for (var arg : args) {
            int equals = arg.indexOf('=');
            if (equals < 1) {
                throw new IllegalArgumentException("Arguments are name=value, not " + arg);
            }
            options.put(arg.substring(0, equals), arg.substring(equals + 1));
        }
        return options;
    }
}
