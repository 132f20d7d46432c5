package dev.drove.controller.scheduler.bench;

import dev.drove.controller.scheduler.PlacementStrategy;
import org.junit.jupiter.api.Test;

import java.util.EnumMap;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The benchmark's workload on a small cluster, for correctness only (timing is the bench main's business): both
 * strategies place what was asked, the checker passes both, and bin packing leaves whole executors empty.
 */
class BenchRunTest {

    @Test
    void bothStrategiesPlaceTheWorkloadCorrectlyAndBinPackingLeavesExecutorsEmpty() {
        var cluster = new BenchCluster(200);
        var apps = BenchApp.mix(cluster, 200, new Random(3));
        var run = new BenchRun(cluster, apps, 20_000, 3);
        var empty = new EnumMap<PlacementStrategy, Integer>(PlacementStrategy.class);

        for (var strategy : PlacementStrategy.values()) {
            var outcome = run.run(strategy);
            var check = new AllocationChecker(cluster, apps).check(outcome.log());

            assertThat(outcome.requested()).as(strategy.name()).isEqualTo(20_000);
            assertThat(outcome.failed()).as(strategy + ": " + outcome.firstFailure()).isLessThan(100);
            assertThat(check.passed()).as(check.verdict()).isTrue();
            assertThat(check.starts()).isEqualTo(outcome.placed());
            empty.put(strategy, Fragmentation.of(check.occupancy()).emptyExecutors());
        }

        assertThat(empty.get(PlacementStrategy.BIN_PACKING)).isGreaterThan(empty.get(PlacementStrategy.RANDOM));
    }
}
