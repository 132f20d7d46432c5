package dev.drove.executor.e2e;

import dev.drove.common.discovery.ExecutorId;
import dev.drove.common.messages.ExecutorAddress;
import dev.drove.executor.engine.HostPorts;
import dev.drove.models.info.nodedata.NodeTransportType;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The executor as it runs in production: the shaded jar in its own JVM, with a config file written for the test.
 * The port stays the same across restarts, so the restarted process has the same executor id.
 */
final class ExecutorProcess implements AutoCloseable {
    static final String HOSTNAME = "127.0.0.1";
    private static final Path JAR = Path.of("target", "drove-executor.jar");

    private final Path dir;
    private final int port;
    private final Path config;
    private Process process;
    private int starts;

    ExecutorProcess(Path dir, String zookeeper) {
        this.dir = dir;
        var ports = HostPorts.allocate(2);
        this.port = ports.get(0);
        this.config = dir.resolve("executor.yml");
        write(config, """
                server:
                  applicationConnectors:
                    - type: http
                      port: %d
                      bindHost: 127.0.0.1
                  adminConnectors:
                    - type: http
                      port: %d
                      bindHost: 127.0.0.1
                  requestLog:
                    appenders: []
                logging:
                  level: INFO
                  appenders:
                    - type: console
                      logFormat: "%%-5level [%%date] [%%logger{0}] %%message%%n"
                    - type: drove
                      logPath: %s
                zookeeper:
                  connectionString: %s
                clusterAuth:
                  secrets:
                    - nodeType: CONTROLLER
                      secret: %s
                    - nodeType: EXECUTOR
                      secret: %s
                resources:
                  osCores: []
                  exposedMemPercentage: 90
                options:
                  hostname: %s
                  cacheImages: true
                  maxOpenFiles: 4096
                """.formatted(port, ports.get(1), dir.resolve("instance-logs"), zookeeper,
                RecordingController.AUTH.secretFor(dev.drove.models.info.nodedata.NodeType.CONTROLLER),
                RecordingController.AUTH.secretFor(dev.drove.models.info.nodedata.NodeType.EXECUTOR), HOSTNAME));
    }

    /** Starts the JVM; its output goes to {@code executor-<n>.log} in the test folder. */
    ExecutorProcess start() {
        if (!Files.exists(JAR)) {
            throw new IllegalStateException(JAR.toAbsolutePath() + " is missing: end-to-end tests run after mvn package");
        }
        var java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        var log = dir.resolve("executor-" + (++starts) + ".log").toFile();
        try {
            process = new ProcessBuilder(List.of(java, "-Xmx256m", "-jar", JAR.toString(), "server", config.toString()))
                    .redirectErrorStream(true)
                    .redirectOutput(log)
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** kill -9: no shutdown hooks, nothing cleaned up. */
    void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    boolean isAlive() {
        return process != null && process.isAlive();
    }

    String executorId() {
        return ExecutorId.of(HOSTNAME, port);
    }

    ExecutorAddress address() {
        return new ExecutorAddress(executorId(), HOSTNAME, port, NodeTransportType.HTTP);
    }

    int port() {
        return port;
    }

    String output() {
        try {
            return Files.readString(dir.resolve("executor-" + starts + ".log"));
        } catch (IOException e) {
            return "(no output: " + e.getMessage() + ")";
        }
    }

    Path instanceLogs() {
        return dir.resolve("instance-logs");
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(Duration.ofSeconds(20).toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }

    private static void write(Path file, String text) {
        try {
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
