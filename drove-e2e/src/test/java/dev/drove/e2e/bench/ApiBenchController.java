package dev.drove.e2e.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The controller under test: its shaded jar in a JVM of its own, as in production and as the end-to-end tests' process
 * launcher starts it, with the heap, GC and any extra JVM flags (a flight recording) the bench asks for. Its executor
 * grace period is an hour, so instances that a seeded population puts on executors that never answer are not marked
 * LOST while the bench runs.
 */
final class ApiBenchController implements AutoCloseable {
    static final String CONTROLLER_SECRET = ControllerProcess.CONTROLLER_SECRET;
    static final String EXECUTOR_SECRET = ControllerProcess.EXECUTOR_SECRET;

    private final Path dir;
    private final int port = FleetProcess.freePortRange(1);
    private final int adminPort = FleetProcess.freePortRange(1);
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private ControllerProcess process;

    /**
     * @param dir       where its config and log go
     * @param zookeeper the ZooKeeper connection string
     */
    ApiBenchController(Path dir, String zookeeper) {
        this.dir = dir;
        ControllerProcess.writeConfig(dir, zookeeper, port, adminPort, "INFO", 32, "1h");
    }

    /** Starts {@code jar} with {@code jvmOptions} (e.g. -Xmx1g, -XX:StartFlightRecording=…) before {@code -jar}. */
    ApiBenchController start(Path jar, List<String> jvmOptions) {
        process = ControllerProcess.launch(dir, jar, jvmOptions, port, adminPort);
        return this;
    }

    int port() {
        return port;
    }

    long pid() {
        return process.pid();
    }

    String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    /** The status and body of a GET of a path on the API (or of a whole URL); status -1 when nothing answered. */
    Answer get(String path) {
        try {
            var uri = URI.create(path.startsWith("http") ? path : url(path));
            var response = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                    .GET().build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body());
        } catch (IOException e) {
            return new Answer(-1, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(-1, "interrupted");
        }
    }

    /** One HTTP answer. */
    record Answer(int status, String body) {
    }

    /** The admin connector's Dropwizard metrics as JSON text (JVM heap, threads); empty when not answered. */
    String metrics() {
        var answer = get("http://127.0.0.1:" + adminPort + "/metrics");
        return answer.status() == 200 ? answer.body() : "";
    }

    /** Fails with the end of the controller's log when it has died. */
    void checkAlive() {
        if (process == null || !process.isAlive()) {
            throw new IllegalStateException("The controller died:\n" + tail(60));
        }
    }

    /** The last {@code lines} lines of its log. */
    String tail(int lines) {
        return process == null ? "(not started)" : process.tail(lines);
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null) {
            process.close();
        }
    }
}
