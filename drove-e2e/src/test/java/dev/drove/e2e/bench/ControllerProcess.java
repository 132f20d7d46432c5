package dev.drove.e2e.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.drove.models.json.Json;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The real controller jar (system property {@code drove.controller.jar}) as a process, with what the bench measures
 * of it: CPU seconds from {@code /proc/<pid>/stat}, heap from the admin connector's {@code /metrics}, and a full GC on
 * demand ({@code jcmd <pid> GC.run}) to read the heap used after GC.
 */
final class ControllerProcess implements AutoCloseable {
    static final String CONTROLLER_SECRET = "bench-controller-secret";
    static final String EXECUTOR_SECRET = "bench-executor-secret";
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    /** Clock ticks per second of /proc/<pid>/stat (USER_HZ, 100 on Linux). */
    private static final double TICKS = 100.0;

    private final Process process;
    private final int port;
    private final int adminPort;
    private final Path log;

    private ControllerProcess(Process process, int port, int adminPort, Path log) {
        this.process = process;
        this.port = port;
        this.adminPort = adminPort;
        this.log = log;
    }

    static ControllerProcess start(Path dir, String zookeeper, String heap, String logLevel,
                                   int clusterOpParallelism) {
        int port = FleetProcess.freePortRange(1);
        int adminPort = FleetProcess.freePortRange(1);
        writeConfig(dir, zookeeper, port, adminPort, logLevel, clusterOpParallelism, null);
        return launch(dir, jar(), List.of("-Xmx" + heap), port, adminPort);
    }

    /** The controller jar the benches start: system property {@code drove.controller.jar}. */
    static Path jar() {
        return Path.of(System.getProperty("drove.controller.jar", "missing-drove.controller.jar"));
    }

    /**
     * Writes {@code dir/controller.yml}: loopback connectors on the given ports, console log at {@code logLevel}, the
     * bench's cluster secrets, {@code clusterOpParallelism} and, when not null, {@code executorGracePeriod}.
     */
    static Path writeConfig(Path dir, String zookeeper, int port, int adminPort, String logLevel,
                            int clusterOpParallelism, String executorGracePeriod) {
        var config = """
                server:
                  applicationConnectors:
                    - type: http
                      port: ${PORT}
                      bindHost: 127.0.0.1
                  adminConnectors:
                    - type: http
                      port: ${ADMIN_PORT}
                      bindHost: 127.0.0.1
                  requestLog:
                    appenders: []
                  shutdownGracePeriod: 0s
                logging:
                  level: LEVEL
                  appenders:
                    - type: console
                      logFormat: "%-5level [%date] [%logger{0}] %message%n"
                zookeeper:
                  connectionString: ZK
                clusterAuth:
                  secrets:
                    - nodeType: CONTROLLER
                      secret: CSECRET
                    - nodeType: EXECUTOR
                      secret: ESECRET
                options:
                  clusterOpParallelism: PARALLELISM
                """.replace("${PORT}", Integer.toString(port)).replace("${ADMIN_PORT}", Integer.toString(adminPort))
                .replace("LEVEL", logLevel).replace("ZK", zookeeper).replace("CSECRET", CONTROLLER_SECRET)
                .replace("ESECRET", EXECUTOR_SECRET).replace("PARALLELISM", Integer.toString(clusterOpParallelism))
                + (executorGracePeriod == null ? "" : "  executorGracePeriod: " + executorGracePeriod + "\n");
        try {
            Files.createDirectories(dir);
            var file = dir.resolve("controller.yml");
            Files.writeString(file, config);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Starts {@code jar} on {@code dir/controller.yml} (see {@link #writeConfig}) with {@code jvmOptions} before
     * {@code -jar}; output goes to {@code dir/controller.log}.
     */
    static ControllerProcess launch(Path dir, Path jar, List<String> jvmOptions, int port, int adminPort) {
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: build the controller jar first (mvn package)");
        }
        var command = new ArrayList<String>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", jar.toString(), "server", dir.resolve("controller.yml").toString()));
        try {
            var log = dir.resolve("controller.log");
            var process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            return new ControllerProcess(process, port, adminPort, log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    int port() {
        return port;
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    int adminPort() {
        return adminPort;
    }

    /** The last {@code lines} lines of its output. */
    String tail(int lines) {
        var all = output().lines().toList();
        return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    }

    String output() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "(no output: " + e.getMessage() + ")";
        }
    }

    /** User + system CPU seconds the process has used so far; 0 when it cannot be read. */
    static double cpuSeconds(long pid) {
        try {
            var stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            var fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // fields[0] is field 3 (state): utime is field 14, stime field 15
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICKS;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    double cpuSeconds() {
        return cpuSeconds(pid());
    }

    /**
     * Heap used and max in bytes, from {@code jstat} (it reads the JVM's performance counters, so sampling costs the
     * controller nothing, unlike the admin metrics, whose thread gauges walk every thread); {-1, -1} when unknown.
     */
    long[] heap() {
        var used = jstat("-gc", "S0U", "S1U", "EU", "OU");
        var max = jstat("-gccapacity", "OGCMX"); // G1: the whole heap may become old generation
        return new long[]{used < 0 ? -1 : used * 1024, max < 0 ? -1 : max * 1024};
    }

    /** The sum of the named columns (KB) of {@code jstat <option> <pid>}; -1 when it cannot be read. */
    private long jstat(String option, String... columns) {
        try {
            var jstat = Path.of(System.getProperty("java.home"), "bin", "jstat");
            var run = new ProcessBuilder(List.of(Files.exists(jstat) ? jstat.toString() : "jstat", option,
                    Long.toString(pid()))).redirectErrorStream(true).start();
            var lines = new String(run.getInputStream().readAllBytes()).trim().split("\n");
            run.waitFor(30, TimeUnit.SECONDS);
            if (lines.length < 2) {
                return -1;
            }
            var names = List.of(lines[0].trim().split("\\s+"));
            var values = lines[1].trim().split("\\s+");
            double sum = 0;
            for (var column : columns) {
                sum += Double.parseDouble(values[names.indexOf(column)]);
            }
            return (long) sum;
        } catch (IOException | RuntimeException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** Runs a full GC in the controller (jcmd) and answers the heap used after it. */
    long heapUsedAfterGc() throws InterruptedException {
        try {
            var jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
            var gc = new ProcessBuilder(List.of(Files.exists(jcmd) ? jcmd.toString() : "jcmd",
                    Long.toString(pid()), "GC.run")).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            gc.waitFor(60, TimeUnit.SECONDS);
        } catch (IOException e) {
            return -1;
        }
        return heap()[0];
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }
}
