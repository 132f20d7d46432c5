package dev.drove.e2e.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.dockerjava.api.DockerClient;
import dev.drove.common.testkit.DockerExtension;
import dev.drove.e2e.BenchCluster;
import dev.drove.models.json.Json;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.ToDoubleFunction;

/**
 * Issue 11, real containers: how long one executor takes to go from 0 to N (20) HEALTHY instances of the test app
 * (HTTP readiness and health checks) and back to 0, where that time goes, and what each running instance costs the
 * executor. Run by {@code scripts/bench.sh containers}, which builds the jars and holds the Docker lock.
 *
 * <p>Each round: hold {@code holdSeconds} at 0 instances (baseline window), SCALE to N and time until the API shows N
 * HEALTHY, hold {@code holdSeconds} at N (loaded window), SCALE to 0 and time until no container of the app runs.
 * Knobs (system properties): {@code drove.bench.rounds} (3), {@code drove.bench.instances} (20),
 * {@code drove.bench.holdSeconds} (60), {@code drove.bench.parallelism} (the SCALE's parallelism; N),
 * {@code drove.bench.cpuMultiplier} (vcores per CPU the executor offers; 16).
 *
 * <p>Where the time goes, per instance: the controller's share (SCALE sent → the executor's {@code created} time of
 * the instance, i.e. START_INSTANCE received), the executor's state timers ({@code drove.executor.instances.time.*}:
 * PROVISIONING = pull, STARTING = create + start, UNREADY = readiness wait, READY = first health check), its engine
 * call timers ({@code drove.docker.*}), and the lag from the HEALTHY report to the API showing it. Overhead: the
 * executor's CPU seconds ({@code /proc/<pid>/stat}), RSS ({@code /proc/<pid>/status}) and JVM heap used (admin
 * {@code /metrics}) in the loaded window minus the baseline window, divided by N; the containers' own memory from
 * their memory cgroups, and the engine's per-container shim processes, apart.
 */
public final class ContainerTimingsBench {
    private static final String APP_NAME = "TIMINGS_APP";
    private static final String OPERATIONS = "/apis/v1/applications/operations";
    private static final Duration POLL = Duration.ofMillis(100);
    private static final Duration STEP_LIMIT = Duration.ofMinutes(5);
    private static final double CLOCK_TICKS = 100.0; // USER_HZ on Linux
    private static final double MB = 1024.0 * 1024.0;

    private final Settings settings;
    private final BenchCluster cluster;
    private final String appId = BenchCluster.appId(APP_NAME);
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final List<Round> rounds = new ArrayList<>();
    private final List<Long> controllerShares = new ArrayList<>();
    private final List<Long> executorShares = new ArrayList<>();
    private final List<Long> reportLags = new ArrayList<>();

    /** The knobs of one run. */
    record Settings(int rounds, int instances, int holdSeconds, int parallelism, int cpuMultiplier) {
        static Settings fromSystemProperties() {
            int instances = Integer.getInteger("drove.bench.instances", 20);
            return new Settings(Integer.getInteger("drove.bench.rounds", 3), instances,
                    Integer.getInteger("drove.bench.holdSeconds", 60),
                    Integer.getInteger("drove.bench.parallelism", instances),
                    Integer.getInteger("drove.bench.cpuMultiplier", 16));
        }
    }

    /** What one hold window measured. Memory figures are means of one-second samples. */
    record Window(double seconds, double executorCpuSeconds, double engineCpuSeconds, double rssMb, double heapMb,
                  double liveHeapMb, double containersMemoryMb, double containersRssMb, double shimsPssMb,
                  double proxiesPssMb) {
        double executorCpuShare() {
            return executorCpuSeconds / seconds;
        }

        double engineCpuShare() {
            return engineCpuSeconds / seconds;
        }
    }

    /**
     * One scale-up or scale-down: wall time until the containers ran (or were gone), until the API showed it, and the
     * CPU the executor and the engine spent meanwhile.
     */
    record Scaling(long millis, long apiMillis, double executorCpuSeconds, double engineCpuSeconds) {
    }

    record Round(Window idle, Scaling up, Window loaded, Scaling down) {
    }

    /** When a SCALE was sent: wall clock (to compare with the instances' times) and monotonic. */
    private record Sent(long epochMillis, long nanos) {
        long millisSince() {
            return (System.nanoTime() - nanos) / 1_000_000;
        }
    }

    ContainerTimingsBench(Settings settings, BenchCluster cluster) {
        this.settings = settings;
        this.cluster = cluster;
    }

    public static void main(String[] args) throws Exception {
        var settings = Settings.fromSystemProperties();
        DockerClient docker = DockerExtension.client();
        Path dir = Files.createTempDirectory("container-timings");
        int status = 0;
        System.out.printf("[timings] %s, load average %s, work dir %s%n", settings, loadAverage(), dir);
        try (var cluster = BenchCluster.start(docker, dir, settings.cpuMultiplier())) {
            try {
                new ContainerTimingsBench(settings, cluster).run();
            } catch (RuntimeException e) {
                System.out.println("[timings] FAILED: " + e.getMessage());
                System.out.println("[timings] executor output (tail):\n" + tail(cluster.executorOutput(), 60));
                status = 1;
            }
        } catch (Exception | Error e) {
            System.out.println("[timings] FAILED to bring the cluster up or down (see " + dir + "): " + e);
            status = 1;
        }
        System.exit(status); // ZooKeeper's and the clients' threads would keep the JVM (and the Docker lock)
    }

    void run() throws Exception {
        var created = cluster.post(OPERATIONS, cluster.createOp(APP_NAME, 0));
        require(created.status() == 200, "CREATE of " + APP_NAME + " was refused: " + created);
        awaitUntil("the app to exist", () -> cluster.get("/apis/v1/applications/" + appId).status() == 200);
        for (int r = 1; r <= settings.rounds(); r++) {
            var idle = hold(0);
            var up = scaleUp();
            var loaded = hold(settings.instances());
            var down = scaleDown();
            var round = new Round(idle, up, loaded, down);
            rounds.add(round);
            System.out.printf(Locale.ROOT, "[timings] round %d: 0→%d HEALTHY %.1f s, %d→0 %.1f s; executor CPU %.1f%% "
                            + "→ %.1f%%, RSS %.0f → %.0f MB, heap after GC %.1f → %.1f MB; load average %s%n", r,
                    settings.instances(), up.millis() / 1000.0, settings.instances(), down.millis() / 1000.0,
                    100 * idle.executorCpuShare(), 100 * loaded.executorCpuShare(), idle.rssMb(), loaded.rssMb(),
                    idle.liveHeapMb(), loaded.liveHeapMb(), loadAverage());
        }
        report();
    }

    /** Holds {@code holdSeconds} with {@code expected} instances, sampling the executor every second. */
    private Window hold(int expected) throws Exception {
        long pid = cluster.executorPid();
        var containers = cluster.containers(appId).values();
        require(containers.size() == expected, "expected " + expected + " containers at the start of a hold, found "
                + containers.size());
        double cpu0 = cpuSeconds(pid);
        double engine0 = engineCpuSeconds();
        long start = System.nanoTime();
        long end = start + Duration.ofSeconds(settings.holdSeconds()).toNanos();
        List<Double> rss = new ArrayList<>();
        List<Double> heap = new ArrayList<>();
        List<Double> memory = new ArrayList<>();
        List<Double> containerRss = new ArrayList<>();
        List<Double> shims = new ArrayList<>();
        List<Double> proxies = new ArrayList<>();
        while (System.nanoTime() < end) {
            rss.add(rssMb(pid));
            heap.add(adminMetrics().at("/gauges/jvm.memory.heap.used/value").asDouble() / MB);
            var cgroups = containers.stream().map(ContainerTimingsBench::cgroupMemory).toList();
            memory.add(cgroups.stream().mapToDouble(m -> m[0]).sum() / MB);
            containerRss.add(cgroups.stream().mapToDouble(m -> m[1]).sum() / MB);
            shims.add(shimsPssMb(containers));
            proxies.add(processes(Set.of("docker-proxy")).stream().mapToDouble(ContainerTimingsBench::pssMb).sum());
            Thread.sleep(Math.max(1, Math.min(1000, (end - System.nanoTime()) / 1_000_000)));
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        double cpu = cpuSeconds(pid) - cpu0;
        double engine = engineCpuSeconds() - engine0;
        int healthy = healthy(instances()).size();
        require(healthy == expected, expected + " instances should have stayed HEALTHY, " + healthy + " are");
        return new Window(seconds, cpu, engine, mean(rss), mean(heap), liveHeapMb(pid), mean(memory),
                mean(containerRss), mean(shims), mean(proxies));
    }

    private Scaling scaleUp() throws Exception {
        int n = settings.instances();
        long pid = cluster.executorPid();
        double cpu0 = cpuSeconds(pid);
        double engine0 = engineCpuSeconds();
        var sent = postScale(n);
        Map<String, Long> seenHealthy = new HashMap<>();
        Map<String, JsonNode> infos = new HashMap<>();
        awaitUntil(n + " HEALTHY instances", () -> {
            long now = System.currentTimeMillis();
            for (var info : instances()) {
                var id = info.path("instanceId").asText();
                var state = info.path("state").asText();
                if ("HEALTHY".equals(state) && !seenHealthy.containsKey(id)) {
                    seenHealthy.put(id, now);
                    infos.put(id, info);
                }
                require(!state.endsWith("FAILED"), "instance " + id + " failed: " + info);
            }
            return seenHealthy.size() >= n;
        });
        long millis = sent.millisSince();
        for (var entry : infos.entrySet()) {
            long createdAt = epochMillis(entry.getValue().get("created"));
            long healthyAt = epochMillis(entry.getValue().get("updated"));
            controllerShares.add(createdAt - sent.epochMillis());
            executorShares.add(healthyAt - createdAt);
            reportLags.add(seenHealthy.get(entry.getKey()) - healthyAt);
        }
        return new Scaling(millis, millis, cpuSeconds(pid) - cpu0, engineCpuSeconds() - engine0);
    }

    private Scaling scaleDown() throws Exception {
        long pid = cluster.executorPid();
        double cpu0 = cpuSeconds(pid);
        double engine0 = engineCpuSeconds();
        var sent = postScale(0);
        awaitUntil("no running container of " + appId, () -> cluster.containers(appId).isEmpty());
        long millis = sent.millisSince();
        double cpu = cpuSeconds(pid) - cpu0;
        double engine = engineCpuSeconds() - engine0;
        awaitUntil("the API to list no live instance of " + appId, () -> instances().isEmpty());
        long apiMillis = sent.millisSince();
        return new Scaling(millis, apiMillis, cpu, engine);
    }

    /** Sends the SCALE, retrying while the previous operation is still finishing; returns when it was sent. */
    private Sent postScale(int instances) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            var sent = new Sent(System.currentTimeMillis(), System.nanoTime());
            var reply = cluster.post(OPERATIONS, BenchCluster.scaleOp(appId, instances,
                    Math.max(1, settings.parallelism()), "5m"));
            if (reply.status() == 200) {
                return sent;
            }
            require(System.nanoTime() < deadline, "SCALE to " + instances + " was refused: " + reply);
            Thread.sleep(200);
        }
    }

    /** The app's instances the API lists (not ended ones). */
    private List<JsonNode> instances() {
        var reply = cluster.get("/apis/v1/applications/" + appId + "/instances");
        if (reply.status() != 200 || reply.data() == null) {
            return List.of();
        }
        var list = new ArrayList<JsonNode>();
        reply.data().forEach(list::add);
        return list;
    }

    private static List<JsonNode> healthy(List<JsonNode> instances) {
        return instances.stream().filter(i -> "HEALTHY".equals(i.path("state").asText())).toList();
    }

    // ---- the report

    private void report() throws Exception {
        int n = settings.instances();
        var out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%n## Container timings: SCALE 0→%d→0 on one executor, %d rounds, "
                        + "parallelism %d, hold %d s (load average %s)%n%n", n, rounds.size(), settings.parallelism(),
                settings.holdSeconds(), loadAverage()));
        out.append("| | median | worst |\n|---|---:|---:|\n");
        row(out, "SCALE 0→" + n + ": until " + n + " HEALTHY (s)", rounds, r -> r.up().millis() / 1000.0, 1);
        row(out, "SCALE " + n + "→0: until no container runs (s)", rounds, r -> r.down().millis() / 1000.0, 1);
        row(out, "SCALE " + n + "→0: until the API lists none (s)", rounds, r -> r.down().apiMillis() / 1000.0,
                1);
        row(out, "executor CPU per instance start (ms)", rounds, r -> 1000 * r.up().executorCpuSeconds() / n, 0);
        row(out, "engine (dockerd+containerd) CPU per instance start (ms)", rounds,
                r -> 1000 * r.up().engineCpuSeconds() / n, 0);
        row(out, "executor CPU per instance stop (ms)", rounds, r -> 1000 * r.down().executorCpuSeconds() / n, 0);

        out.append(String.format(Locale.ROOT, "%n### Per running instance: (loaded − idle) / %d over %d s windows%n%n",
                n, settings.holdSeconds()));
        out.append("| | idle (0) | loaded (" + n + ") | per instance, median | worst |\n|---|---:|---:|---:|---:|\n");
        overhead(out, "executor CPU (% of one core)", w -> 100 * w.executorCpuShare(), 2);
        overhead(out, "executor RSS (MB)", Window::rssMb, 2);
        overhead(out, "executor JVM heap used, mean of samples (MB)", Window::heapMb, 2);
        overhead(out, "executor JVM heap used after a full GC (MB)", Window::liveHeapMb, 2);
        overhead(out, "engine CPU, dockerd + containerd (% of one core)", w -> 100 * w.engineCpuShare(), 2);
        overhead(out, "container memory cgroup usage (MB)", Window::containersMemoryMb, 2);
        overhead(out, "container memory cgroup rss (MB)", Window::containersRssMb, 2);
        overhead(out, "engine: containerd-shim PSS (MB)", Window::shimsPssMb, 2);
        overhead(out, "engine: docker-proxy PSS (MB)", Window::proxiesPssMb, 2);

        out.append(String.format(Locale.ROOT, "%n### Where the time of one instance start goes (%d instances, all "
                + "rounds; ms)%n%n", executorShares.size()));
        out.append("| step | source | count | median | p95 | max |\n|---|---|---:|---:|---:|---:|\n");
        sampleRow(out, "controller: SCALE sent → START received by the executor", "API created − sent",
                controllerShares);
        var metrics = adminMetrics().path("timers");
        String states = "drove.executor.instances.time.";
        timerRow(out, "PENDING (queued on the executor)", metrics, states + "PENDING");
        timerRow(out, "PROVISIONING (image pull)", metrics, states + "PROVISIONING");
        timerRow(out, "  engine pull call", metrics, "drove.docker.pull");
        timerRow(out, "STARTING (ports, create, copy files, start, follow logs)", metrics, states + "STARTING");
        timerRow(out, "  engine create call (with copy of config files)", metrics, "drove.docker.create");
        timerRow(out, "  engine start call", metrics, "drove.docker.start");
        timerRow(out, "UNREADY (readiness wait)", metrics, states + "UNREADY");
        timerRow(out, "READY (first health check)", metrics, states + "READY");
        sampleRow(out, "executor: START received → HEALTHY", "API updated − created", executorShares);
        sampleRow(out, "HEALTHY on the executor → seen in the API", "bench poll (100 ms) − updated", reportLags);
        out.append("\nStopping, per instance:\n\n| step | source | count | median | p95 | max |\n"
                + "|---|---|---:|---:|---:|---:|\n");
        timerRow(out, "HEALTHY → STOPPING requested (time HEALTHY incl. hold)", metrics, states + "HEALTHY");
        timerRow(out, "STOPPING (pre-shutdown hook, stop)", metrics, states + "STOPPING");
        timerRow(out, "  engine stop call", metrics, "drove.docker.stop");
        timerRow(out, "DEPROVISIONING (remove container)", metrics, states + "DEPROVISIONING");
        timerRow(out, "  engine remove call", metrics, "drove.docker.remove");
        System.out.println(out);
    }

    private static <T> void row(StringBuilder out, String name, List<T> values, ToDoubleFunction<T> figure,
                                int decimals) {
        var sorted = values.stream().mapToDouble(figure).sorted().toArray();
        double worst = sorted[sorted.length - 1];
        out.append(String.format(Locale.ROOT, "| %s | %." + decimals + "f | %." + decimals + "f |%n", name,
                median(sorted), worst));
    }

    private void overhead(StringBuilder out, String name, ToDoubleFunction<Window> figure, int decimals) {
        int n = settings.instances();
        var idle = rounds.stream().mapToDouble(r -> figure.applyAsDouble(r.idle())).sorted().toArray();
        var loaded = rounds.stream().mapToDouble(r -> figure.applyAsDouble(r.loaded())).sorted().toArray();
        var per = rounds.stream().mapToDouble(r -> (figure.applyAsDouble(r.loaded())
                - figure.applyAsDouble(r.idle())) / n).sorted().toArray();
        String f = "%." + decimals + "f";
        out.append(String.format(Locale.ROOT, "| %s | " + f + " | " + f + " | " + f + " | " + f + " |%n", name,
                median(idle), median(loaded), median(per), per[per.length - 1]));
    }

    private static void sampleRow(StringBuilder out, String name, String source, Collection<Long> millis) {
        var sorted = millis.stream().mapToDouble(Long::doubleValue).sorted().toArray();
        if (sorted.length == 0) {
            out.append("| ").append(name).append(" | ").append(source).append(" | 0 | | | |\n");
            return;
        }
        out.append(String.format(Locale.ROOT, "| %s | %s | %d | %.0f | %.0f | %.0f |%n", name, source, sorted.length,
                median(sorted), sorted[(int) Math.ceil(0.95 * sorted.length) - 1], sorted[sorted.length - 1]));
    }

    /** A row from a Dropwizard timer as the admin servlet writes it (in its duration units). */
    private static void timerRow(StringBuilder out, String name, JsonNode timers, String timer) {
        var t = timers.path(timer);
        if (t.isMissingNode()) {
            out.append("| ").append(name).append(" | ").append(timer).append(" | 0 | | | |\n");
            return;
        }
        double toMillis = switch (t.path("duration_units").asText("seconds")) {
            case "milliseconds" -> 1;
            case "microseconds" -> 0.001;
            case "nanoseconds" -> 0.000001;
            default -> 1000;
        };
        out.append(String.format(Locale.ROOT, "| %s | %s | %d | %.0f | %.0f | %.0f |%n", name, timer,
                t.path("count").asLong(), toMillis * t.path("p50").asDouble(), toMillis * t.path("p95").asDouble(),
                toMillis * t.path("max").asDouble()));
    }

    // ---- what the machine says

    private JsonNode adminMetrics() throws IOException, InterruptedException {
        var response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + cluster.executorAdminPort()
                        + "/metrics")).timeout(Duration.ofSeconds(10)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        return Json.mapper().readTree(response.body());
    }

    /** utime + stime of the process, in seconds ({@code /proc/<pid>/stat}, fields 14 and 15). */
    static double cpuSeconds(long pid) {
        try {
            var stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            var fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / CLOCK_TICKS; // fields 14, 15
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read the CPU time of process " + pid, e);
        }
    }

    /** VmRSS of the process in MB, 0 when it is gone. */
    static double rssMb(long pid) {
        try {
            for (var line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
                }
            }
            return 0;
        } catch (IOException gone) {
            return 0;
        }
    }

    /** Proportional set size of the process in MB ({@code /proc/<pid>/smaps_rollup}), its RSS when unreadable. */
    static double pssMb(long pid) {
        try {
            for (var line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "smaps_rollup"))) {
                if (line.startsWith("Pss:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
                }
            }
        } catch (IOException | RuntimeException unreadable) {
            // fall back to the RSS
        }
        return rssMb(pid);
    }

    /** The executor's heap in use right after a full GC (jcmd GC.run), read from its admin metrics. */
    private double liveHeapMb(long pid) throws Exception {
        var jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
        var gc = new ProcessBuilder(jcmd, Long.toString(pid), "GC.run").redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        require(gc.waitFor(60, java.util.concurrent.TimeUnit.SECONDS) && gc.exitValue() == 0,
                "jcmd " + pid + " GC.run failed");
        return adminMetrics().at("/gauges/jvm.memory.heap.used/value").asDouble() / MB;
    }

    /** CPU seconds of the engine daemons (dockerd and containerd) so far. */
    private static double engineCpuSeconds() {
        return processes(Set.of("dockerd", "containerd")).stream().mapToDouble(ContainerTimingsBench::cpuSeconds)
                .sum();
    }

    /** PSS in MB of the engine's shim processes serving {@code containers} (their shared pages counted once). */
    private static double shimsPssMb(Collection<String> containers) {
        double total = 0;
        for (long pid : processes(Set.of("containerd-shim", "containerd-shim-runc-v2"))) {
            try {
                var cmdline = Files.readString(Path.of("/proc", Long.toString(pid), "cmdline"));
                if (containers.stream().anyMatch(cmdline::contains)) {
                    total += pssMb(pid);
                }
            } catch (IOException gone) {
                // the shim ended meanwhile
            }
        }
        return total;
    }

    /** Pids of the processes whose command name is one of {@code names} (comm is cut at 15 characters). */
    private static List<Long> processes(Set<String> names) {
        var pids = new ArrayList<Long>();
        var shortNames = names.stream().map(n -> n.length() > 15 ? n.substring(0, 15) : n).toList();
        try (var entries = Files.list(Path.of("/proc"))) {
            for (Iterator<Path> it = entries.iterator(); it.hasNext(); ) {
                var entry = it.next();
                var name = entry.getFileName().toString();
                if (!name.chars().allMatch(Character::isDigit)) {
                    continue;
                }
                try {
                    if (shortNames.contains(Files.readString(entry.resolve("comm")).strip())) {
                        pids.add(Long.parseLong(name));
                    }
                } catch (IOException gone) {
                    // the process ended meanwhile
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("Cannot list /proc", e);
        }
        return pids;
    }

    /**
     * The container's memory cgroup: {usage, rss} in bytes (cgroup v1 memory.usage_in_bytes and memory.stat rss, or
     * v2 memory.current and memory.stat anon); zeros when the cgroup is not found.
     */
    static double[] cgroupMemory(String containerId) {
        var candidates = List.of(Path.of("/sys/fs/cgroup/memory/docker", containerId),
                Path.of("/sys/fs/cgroup/system.slice", "docker-" + containerId + ".scope"),
                Path.of("/sys/fs/cgroup/docker", containerId));
        for (var dir : candidates) {
            try {
                boolean v1 = Files.exists(dir.resolve("memory.usage_in_bytes"));
                var usageFile = dir.resolve(v1 ? "memory.usage_in_bytes" : "memory.current");
                if (!Files.exists(usageFile)) {
                    continue;
                }
                double usage = Double.parseDouble(Files.readString(usageFile).strip());
                double rss = 0;
                for (var line : Files.readAllLines(dir.resolve("memory.stat"))) {
                    var parts = line.split(" ");
                    if (parts[0].equals(v1 ? "rss" : "anon")) {
                        rss = Double.parseDouble(parts[1]);
                    }
                }
                return new double[]{usage, rss};
            } catch (IOException | RuntimeException unreadable) {
                // try the next layout
            }
        }
        return new double[]{0, 0};
    }

    private static String loadAverage() {
        try {
            var parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException e) {
            return "unknown";
        }
    }

    // ---- small helpers

    private static long epochMillis(JsonNode date) {
        if (date == null || date.isNull()) {
            return 0;
        }
        return date.isNumber() ? date.asLong() : Instant.parse(date.asText()).toEpochMilli();
    }

    private static double mean(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).average().orElse(0);
    }

    private static double median(double[] sorted) {
        int m = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[m] : (sorted[m - 1] + sorted[m]) / 2;
    }

    private interface Check {
        boolean done() throws Exception;
    }

    /** Polls {@code check} every 100 ms for at most five minutes. */
    private static void awaitUntil(String what, Check check) throws Exception {
        long deadline = System.nanoTime() + STEP_LIMIT.toNanos();
        while (!check.done()) {
            require(System.nanoTime() < deadline, "gave up waiting for " + what + " after " + STEP_LIMIT);
            Thread.sleep(POLL.toMillis());
        }
    }

    private static void require(boolean condition, String failure) {
        if (!condition) {
            throw new IllegalStateException(failure);
        }
    }

    private static String tail(String text, int lines) {
        var all = text.split("\n");
        return String.join("\n", java.util.Arrays.asList(all).subList(Math.max(0, all.length - lines), all.length));
    }
}
