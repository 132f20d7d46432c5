package dev.drove.controller.scheduler;

import com.codahale.metrics.MetricRegistry;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static dev.drove.controller.scheduler.TestExecutors.coresOf;
import static dev.drove.controller.scheduler.TestExecutors.host;
import static org.assertj.core.api.Assertions.assertThat;

class ConcurrentPlacementTest {

    @ParameterizedTest(name = "{0}")
    @EnumSource(PlacementStrategy.class)
    void placementsFromManyThreadsNeverShareACore(PlacementStrategy strategy) throws Exception {
        var builders = new ArrayList<TestExecutors.Builder>();
        for (int i = 0; i < 10; i++) {
            builders.add(host("h" + i).node(16, 1 << 20).node(16, 1 << 20));
        }
        var resources = TestExecutors.cluster(builders.toArray(TestExecutors.Builder[]::new));
        var scheduler = new Scheduler(resources, strategy, new Random(9), new MetricRegistry());
        var pool = Executors.newFixedThreadPool(8);
        try {
            var jobs = new ArrayList<Callable<List<Placement>>>();
            for (int t = 0; t < 8; t++) {
                jobs.add(() -> {
                    var mine = new ArrayList<Placement>();
                    try (var session = scheduler.session()) {
                        while (true) {
                            var result = scheduler.place(PlacementRequest.of("APP-1", 1, 1, null), session);
                            if (!result.isPlaced()) {
                                break;
                            }
                            mine.add(result.orElseThrow());
                        }
                        session.commit();
                    }
                    return mine;
                });
            }
            var seen = new HashSet<String>();
            int total = 0;
            for (var future : pool.invokeAll(jobs, 1, TimeUnit.MINUTES)) {
                for (var placement : future.get()) {
                    for (var core : coresOf(placement).values().iterator().next()) {
                        assertThat(seen.add(placement.executorId() + "/" + core)).as("core given once").isTrue();
                    }
                    total++;
                }
            }
            assertThat(total).isEqualTo(10 * 32);
        } finally {
            pool.shutdownNow();
        }
    }
}
