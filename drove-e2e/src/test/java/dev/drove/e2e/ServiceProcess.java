package dev.drove.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One Drove service as it runs in production: its shaded jar in its own JVM with a config file written by the test.
 * Ports stay the same across restarts (the executor's id depends on its port). The JVM compiles with C1 only
 * ({@code -XX:TieredStopAtLevel=1}): a test's service lives for seconds to minutes, and skipping C2 saves about a
 * third of the CPU a start costs, which on a 2-core machine running several nodes is most of the start time.
 * Benchmarks that measure the services themselves set {@code -D}{@value #FULL_JIT_PROPERTY}{@code =true} to run them
 * with the JVM's default (C2) compilers, as in production.
 */
final class ServiceProcess implements AutoCloseable {
    /** System property that, when {@code true}, starts the services without {@code -XX:TieredStopAtLevel=1}. */
    static final String FULL_JIT_PROPERTY = "drove.e2e.fullJit";
    private final String name;
    private final Path jar;
    private final Path dir;
    private final Path config;
    private final int port;
    private final int adminPort;
    private Process process;
    private int starts;

    ServiceProcess(String name, String jarProperty, Path dir, String configTemplate) {
        this.name = name;
        this.jar = Path.of(System.getProperty(jarProperty, "missing-" + jarProperty));
        this.dir = dir;
        this.port = freePort();
        this.adminPort = freePort();
        this.config = dir.resolve(name + ".yml");
        try {
            Files.createDirectories(dir);
            Files.writeString(config, configTemplate.replace("${PORT}", Integer.toString(port))
                    .replace("${ADMIN_PORT}", Integer.toString(adminPort))
                    .replace("${DIR}", dir.toString()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    ServiceProcess start() {
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: end-to-end tests run after mvn package");
        }
        var java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        try {
            var command = new java.util.ArrayList<>(List.of(java, "-Xmx256m", "-XX:+UseSerialGC"));
            if (!Boolean.getBoolean(FULL_JIT_PROPERTY)) {
                command.add("-XX:TieredStopAtLevel=1");
            }
            command.addAll(List.of("-jar", jar.toString(), "server", config.toString()));
            process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(dir.resolve(name + "-" + (++starts) + ".log").toFile())
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** kill -9: no shutdown hook runs. */
    void kill() throws InterruptedException {
        if (process != null) {
            process.destroyForcibly().waitFor();
        }
    }

    boolean isAlive() {
        return process != null && process.isAlive();
    }

    String name() {
        return name;
    }

    /** The operating system's id of the running process (for /proc/&lt;pid&gt;/stat and status). */
    long pid() {
        if (process == null) {
            throw new IllegalStateException(name + " was never started");
        }
        return process.pid();
    }

    int port() {
        return port;
    }

    /** The admin connector's port: /metrics, /prometheus, /healthcheck. */
    int adminPort() {
        return adminPort;
    }

    /** The last {@code lines} lines of {@link #output()}. */
    String outputTail(int lines) {
        var all = output().lines().toList();
        return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    }

    String output() {
        try {
            return Files.readString(dir.resolve(name + "-" + starts + ".log"));
        } catch (IOException e) {
            return "(no output: " + e.getMessage() + ")";
        }
    }

    /** SIGTERM without waiting: Dropwizard stops the service gracefully; {@link #close()} then awaits the exit. */
    void terminate() {
        if (process != null && process.isAlive()) {
            process.destroy();
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }

    static int freePort() {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
