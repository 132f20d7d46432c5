package dev.drove.e2e.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * One JVM of hollow executors: {@code dev.drove.executor.hollow.HollowFleet} from the executor's shaded jar (system
 * property {@code drove.executor.jar}), with its output in {@code {dir}/{name}.log}.
 */
public final class FleetProcess implements AutoCloseable {
    /** What the fleet prints once every executor is up (HollowFleet.READY). */
    static final String READY = "HOLLOW FLEET READY";

    private final String name;
    private final Path log;
    private final Process process;
    private final int firstPort;
    private final int count;

    private FleetProcess(String name, Path log, Process process, int firstPort, int count) {
        this.name = name;
        this.log = log;
        this.process = process;
        this.firstPort = firstPort;
        this.count = count;
    }

    /**
     * Starts {@code count} hollow executors on ports {@code firstPort…}; {@code heap} is the JVM's {@code -Xmx}
     * (e.g. {@code 512m}); {@code options} are further HollowFleet options ({@code --state-ms 50} …).
     */
    public static FleetProcess start(Path dir, String name, String zookeeper, int firstPort, int count,
                                     String executorSecret, String controllerSecret, String heap,
                                     List<String> options) {
        var jar = Path.of(System.getProperty("drove.executor.jar", "missing-drove.executor.jar"));
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: build the executor jar first (mvn package)");
        }
        var java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        var command = new ArrayList<>(List.of(java, "-Xmx" + heap, "-Xss256k", "-XX:+UseSerialGC",
                "-cp", jar.toString(), "dev.drove.executor.hollow.HollowFleet",
                "--zk", zookeeper, "--count", Integer.toString(count), "--first-port", Integer.toString(firstPort),
                "--host", "127.0.0.1", "--secret", executorSecret, "--controller-secret", controllerSecret));
        command.addAll(options);
        try {
            Files.createDirectories(dir);
            var log = dir.resolve(name + ".log");
            var process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            return new FleetProcess(name, log, process, firstPort, count);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits until the fleet printed its ready line; throws with its output when it died or took too long. */
    public FleetProcess awaitReady(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (output().contains(READY)) {
                return this;
            }
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " died:\n" + output());
            }
            TimeUnit.MILLISECONDS.sleep(200);
        }
        throw new IllegalStateException(name + " was not ready within " + timeout + ":\n" + output());
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public int firstPort() {
        return firstPort;
    }

    public int count() {
        return count;
    }

    public String output() {
        try {
            return Files.exists(log) ? Files.readString(log) : "";
        } catch (IOException e) {
            return "(no output: " + e.getMessage() + ")";
        }
    }

    /** SIGTERM (the fleet closes its ZooKeeper session), then SIGKILL after 20 s. */
    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }

    /** The first of {@code count} consecutive ports that are free on 127.0.0.1 now. */
    public static int freePortRange(int count) {
        var loopback = InetAddress.getLoopbackAddress();
        for (int attempt = 0; attempt < 50; attempt++) {
            int first = ThreadLocalRandom.current().nextInt(20_000, 60_000 - count);
            boolean free = true;
            for (int port = first; port < first + count && free; port++) {
                try (var socket = new ServerSocket(port, 1, loopback)) {
                    socket.setReuseAddress(true);
                } catch (IOException taken) {
                    free = false;
                }
            }
            if (free) {
                return first;
            }
        }
        throw new IllegalStateException("No " + count + " consecutive free ports found");
    }
}
