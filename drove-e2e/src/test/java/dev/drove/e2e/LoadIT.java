package dev.drove.e2e;

import com.github.dockerjava.api.DockerClient;
import dev.drove.common.testkit.DockerExtension;
import dev.drove.common.testkit.TestImage;
import dev.drove.common.testkit.TestImages;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;

import static dev.drove.e2e.ClusterProbe.LONG;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 10, load: 100 API clients at once for 60 s ({@code -Ddrove.load.seconds=N}) against one controller, two
 * executors and 20 one-instance apps. Each client mostly reads (apps, cluster, instances) and sometimes scales one
 * of the first ten apps between 1 and 2 instances. No answer may be a 5xx or a dropped connection, and every accepted
 * SCALE must take effect: at the end each app runs the count of its last accepted SCALE.
 */
@ExtendWith(DockerExtension.class)
class LoadIT {
    private static final int APPS = 20;
    private static final int SCALED_APPS = 10;
    private static final int CLIENTS = 100;
    private static final double WRITE_SHARE = 0.05;
    private static final Duration RUN = Duration.ofSeconds(Long.getLong("drove.load.seconds", 60));

    @RegisterExtension
    static final ClusterExtension cluster = ClusterExtension.builder().controllers(1).executors(2).build();

    private ClusterProbe probe;

    @BeforeEach
    void createTwentyAppsWithOneInstanceEach(DockerClient docker) {
        var image = TestImages.unpullable(docker, TestImage.APP);
        probe = new ClusterProbe(cluster.testCluster(), docker, image);
        var api = cluster.awaitReady(2);
        for (int i = 0; i < APPS; i++) {
            var created = api.post("/apis/v1/applications/operations", probe.createOp(name(i), 1));
            assertThat(created.status()).as(created::toString).isEqualTo(200);
        }
        for (int i = 0; i < APPS; i++) {
            probe.awaitHealthy(ClusterProbe.appId(name(i)), 1, LONG);
        }
    }

    private static String name(int app) {
        return String.format("LOAD_APP_%02d", app);
    }

    @Test
    void aHundredClientsReadingAndScalingGetNo5xxAndEveryAcceptedScaleTakesEffect() throws Exception {
        var api = probe.leaderApi();
        var targets = new AtomicIntegerArray(APPS);
        for (int i = 0; i < APPS; i++) {
            targets.set(i, 1);
        }
        var locks = new Object[SCALED_APPS];
        for (int i = 0; i < SCALED_APPS; i++) {
            locks[i] = new Object();
        }
        var readStatuses = new ConcurrentHashMap<Integer, AtomicInteger>();
        var writeStatuses = new ConcurrentHashMap<Integer, AtomicInteger>();
        var readNanos = new ConcurrentLinkedQueue<Long>();
        var reads = List.of("/apis/v1/applications", "/apis/v1/cluster", "/apis/v1/cluster/executors");
        long end = System.nanoTime() + RUN.toNanos();

        var pool = Executors.newFixedThreadPool(CLIENTS);
        for (int c = 0; c < CLIENTS; c++) {
            var random = new Random(c);
            pool.execute(() -> {
                while (System.nanoTime() < end) {
                    if (random.nextDouble() < WRITE_SHARE) {
                        int app = random.nextInt(SCALED_APPS);
                        synchronized (locks[app]) { // one writer per app, so "its last accepted SCALE" is defined
                            int want = targets.get(app) == 1 ? 2 : 1;
                            var answer = api.post("/apis/v1/applications/operations",
                                    ClusterProbe.scaleOp(ClusterProbe.appId(name(app)), want));
                            writeStatuses.computeIfAbsent(answer.status(), s -> new AtomicInteger()).incrementAndGet();
                            if (answer.status() == 200) {
                                targets.set(app, want);
                            }
                        }
                    } else {
                        int pick = random.nextInt(reads.size() + 1);
                        var path = pick < reads.size() ? reads.get(pick)
                                : "/apis/v1/applications/" + ClusterProbe.appId(name(random.nextInt(APPS)))
                                + "/instances";
                        long start = System.nanoTime();
                        var answer = api.get(path);
                        readNanos.add(System.nanoTime() - start);
                        readStatuses.computeIfAbsent(answer.status(), s -> new AtomicInteger()).incrementAndGet();
                    }
                }
            });
        }
        pool.shutdown();
        assertThat(pool.awaitTermination(RUN.toSeconds() + 60, TimeUnit.SECONDS)).isTrue();

        var latencies = new ArrayList<>(readNanos);
        Collections.sort(latencies);
        System.out.printf("[load] %d clients for %d s: %d reads %s, %d writes %s; read latency p50 %.1f ms, "
                        + "p99 %.1f ms, max %.1f ms%n", CLIENTS, RUN.toSeconds(), latencies.size(),
                new TreeMap<>(readStatuses), writeStatuses.values().stream().mapToInt(AtomicInteger::get).sum(),
                new TreeMap<>(writeStatuses), millis(latencies, 0.50), millis(latencies, 0.99),
                millis(latencies, 1.0));

        assertThat(readStatuses.keySet()).as("read statuses").containsOnly(200);
        assertThat(writeStatuses.keySet()).as("write statuses").allMatch(s -> s >= 200 && s < 500);
        assertThat(writeStatuses.getOrDefault(200, new AtomicInteger()).get()).as("accepted writes").isPositive();
        var settled = ClusterProbe.timeUntil("every app runs its last accepted count", LONG, () -> {
            for (int i = 0; i < APPS; i++) {
                if (probe.healthy(ClusterProbe.appId(name(i))).size() != targets.get(i)) {
                    return false;
                }
            }
            return true;
        });
        System.out.printf("[load] every accepted SCALE took effect %.1f s after the load stopped%n",
                settled.toMillis() / 1000.0);
        await("every app RUNNING").atMost(LONG).until(() -> {
            for (int i = 0; i < APPS; i++) {
                var app = api.get("/apis/v1/applications/" + ClusterProbe.appId(name(i)));
                if (app.status() != 200 || !"RUNNING".equals(app.data().path("state").asText())) {
                    return false;
                }
            }
            return true;
        });
        for (int i = 0; i < APPS; i++) {
            var appId = ClusterProbe.appId(name(i));
            assertThat(probe.containers(appId).keySet()).as(appId).isEqualTo(probe.healthy(appId).keySet());
        }
    }

    private static double millis(List<Long> sorted, double quantile) {
        if (sorted.isEmpty()) {
            return 0;
        }
        int index = Math.min(sorted.size() - 1, (int) Math.ceil(quantile * sorted.size()) - 1);
        return sorted.get(Math.max(0, index)) / 1_000_000.0;
    }
}
