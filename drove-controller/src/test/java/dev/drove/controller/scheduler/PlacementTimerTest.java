package dev.drove.controller.scheduler;

import com.codahale.metrics.MetricRegistry;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static dev.drove.controller.scheduler.TestExecutors.APP;
import static dev.drove.controller.scheduler.TestExecutors.host;
import static org.assertj.core.api.Assertions.assertThat;

class PlacementTimerTest {

    @Test
    void everyPlacementIsTimedPlacedOrNot() {
        var metrics = new MetricRegistry();
        var scheduler = new Scheduler(TestExecutors.cluster(host("h1").node(2, 4096)), new Random(1), metrics);

        try (var session = scheduler.session()) {
            assertThat(scheduler.place(PlacementRequest.of(APP, 2, 512, null), session).isPlaced()).isTrue();
            assertThat(scheduler.place(PlacementRequest.of(APP, 2, 512, null), session).isPlaced()).isFalse();
        }

        assertThat(metrics.timer(Scheduler.PLACEMENT_TIMER).getCount()).isEqualTo(2);
    }
}
