package dev.drove.e2e.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
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
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.awaitility.Awaitility.await;

/**
 * A cluster the controller builds itself: hollow executors ({@code dev.drove.executor.hollow.HollowFleet} from the
 * executor's shaded jar, {@code -Ddrove.executor.jar}, 250 per JVM) register, then every application is created
 * through the API with all its instances, which the controller places and the hollow executors walk to HEALTHY.
 */
final class ApiHollowPopulation implements ApiPopulation {
    private static final int PER_JVM = 250;
    private static final int FIRST_PORT = 20000;

    private final int executors;
    private final int coresPerNode;
    private final Path dir;
    private final Path jar;
    private final List<Process> fleets = new ArrayList<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /**
     * @param executors    how many hollow executors
     * @param coresPerNode cores on each of an executor's two NUMA nodes (each instance takes one)
     * @param dir          where the fleets' logs go
     */
    ApiHollowPopulation(int executors, int coresPerNode, Path dir) {
        this.executors = executors;
        this.coresPerNode = coresPerNode;
        this.dir = dir;
        this.jar = Path.of(System.getProperty("drove.executor.jar", "drove-executor/target/drove-executor.jar"))
                .toAbsolutePath();
    }

    @Override
    public String name() {
        return "hollow (" + executors + " hollow executors of 2 x " + coresPerNode + " cores)";
    }

    /** Starts the fleets: they publish themselves and wait for a leader to send their snapshots to. */
    @Override
    public void beforeStart(String zookeeper) throws IOException {
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: build it with mvn -pl drove-executor -am package");
        }
        Files.createDirectories(dir);
        var java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        for (int first = 0; first < executors; first += PER_JVM) {
            int count = Math.min(PER_JVM, executors - first);
            var command = List.of(java, "-Xmx512m", "-Xss256k", "-XX:+UseSerialGC", "-cp", jar.toString(),
                    "dev.drove.executor.hollow.HollowFleet", "--zk", zookeeper, "--count", Integer.toString(count),
                    "--first-port", Integer.toString(FIRST_PORT + first), "--host", "127.0.0.1",
                    "--secret", ApiBenchController.EXECUTOR_SECRET,
                    "--controller-secret", ApiBenchController.CONTROLLER_SECRET,
                    "--cores-per-node", Integer.toString(coresPerNode));
            fleets.add(new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(dir.resolve("fleet-" + first + ".log").toFile()).start());
        }
    }

    @Override
    public void fill(ApiBenchController controller, int apps, int instancesPerApp) throws Exception {
        await("the controller counts " + executors + " executors").atMost(Duration.ofMinutes(5))
                .pollInterval(Duration.ofSeconds(1)).until(() -> {
                    controller.checkAlive();
                    fleets.forEach(fleet -> {
                        if (!fleet.isAlive()) {
                            throw new IllegalStateException("A hollow fleet died; see " + dir);
                        }
                    });
                    var answer = controller.get("/apis/v1/cluster/executors");
                    return answer.status() == 200
                            && Json.mapper().readTree(answer.body()).path("data").size() == executors;
                });
        long start = System.nanoTime();
        var next = new AtomicInteger();
        var pool = Executors.newFixedThreadPool(4);
        for (int t = 0; t < 4; t++) {
            pool.execute(() -> {
                for (int app = next.getAndIncrement(); app < apps; app = next.getAndIncrement()) {
                    create(controller, ApiSeededPopulation.appName(app), instancesPerApp);
                }
            });
        }
        pool.shutdown();
        if (!pool.awaitTermination(10, TimeUnit.MINUTES)) {
            throw new IllegalStateException("Creating " + apps + " apps took over 10 minutes");
        }
        System.out.printf("[api-bench] %d CREATE operations accepted in %.1f s%n", apps,
                (System.nanoTime() - start) / 1e9);
        await("every app has " + instancesPerApp + " healthy instances").atMost(Duration.ofMinutes(30))
                .pollInterval(Duration.ofSeconds(5)).until(() -> {
                    controller.checkAlive();
                    return ApiThroughputBench.healthyApps(controller, instancesPerApp) == apps;
                });
        System.out.printf("[api-bench] %d apps x %d instances HEALTHY %.1f s after the first CREATE%n", apps,
                instancesPerApp, (System.nanoTime() - start) / 1e9);
    }

    /** Submits CREATE with every instance; retries while the controller is busy (a 5xx or no answer). */
    private void create(ApiBenchController controller, String name, int instances) {
        try (var in = ApiHollowPopulation.class.getResourceAsStream("/test-app.json")) {
            var spec = (ObjectNode) Json.mapper().readTree(in);
            spec.put("name", name);
            ((ObjectNode) spec.get("executable")).put("url", "bench/hollow:1");
            var op = Json.mapper().createObjectNode();
            op.put("type", "CREATE");
            op.set("spec", spec);
            op.put("instances", instances);
            op.putObject("opSpec").put("timeout", "10m").put("parallelism", instances)
                    .put("failureStrategy", "STOP");
            var body = Json.mapper().writeValueAsString(op);
            for (int attempt = 1; ; attempt++) {
                var response = http.send(HttpRequest.newBuilder(URI.create(controller.url(
                                "/apis/v1/applications/operations"))).timeout(Duration.ofSeconds(60))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return;
                }
                if (response.statusCode() < 500 || attempt == 5) {
                    throw new IllegalStateException("CREATE of " + name + " answered " + response.statusCode()
                            + ": " + response.body());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while creating " + name, e);
        }
    }

    @Override
    public void close() throws InterruptedException {
        for (var fleet : fleets) {
            fleet.destroy();
        }
        for (var fleet : fleets) {
            if (!fleet.waitFor(30, TimeUnit.SECONDS)) {
                fleet.destroyForcibly().waitFor();
            }
        }
    }
}
