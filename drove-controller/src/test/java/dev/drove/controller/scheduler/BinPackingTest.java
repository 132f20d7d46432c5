package dev.drove.controller.scheduler;

import com.codahale.metrics.MetricRegistry;
import dev.drove.models.application.placement.AnyPlacement;
import dev.drove.models.application.placement.MatchTagPlacement;
import dev.drove.models.application.placement.MaxNPerHostPlacement;
import dev.drove.models.application.placement.OnePerHostPlacement;
import dev.drove.models.application.placement.PlacementPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import static dev.drove.controller.scheduler.TestExecutors.APP;
import static dev.drove.controller.scheduler.TestExecutors.host;
import static dev.drove.controller.scheduler.TestExecutors.idOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** BIN_PACKING: the fullest executor that fits takes the container, and every rule of placement still holds. */
class BinPackingTest {

    static Stream<Arguments> choices() {
        return Stream.of(
                row("the fullest executor that fits wins", PlacementRequest.of(APP, 2, 512, new AnyPlacement()), "h1",
                        host("h1").node(8, 8192).used(0, 0, 0, 1, 2, 3, 4, 5),
                        host("h2").node(8, 8192),
                        host("h3").node(8, 8192).used(0, 0, 0, 1, 2, 3)),
                row("an executor too full for the container is passed over",
                        PlacementRequest.of(APP, 2, 512, new AnyPlacement()), "h2",
                        host("h1").node(8, 8192).used(0, 0, 0, 1, 2, 3, 4, 5, 6),
                        host("h2").node(8, 8192).used(0, 0, 0, 1, 2, 3, 4),
                        host("h3").node(8, 8192)),
                row("free cores split over NUMA nodes are no room for one container",
                        PlacementRequest.of(APP, 2, 512, new AnyPlacement()), "h2",
                        host("h1").node(4, 4096).node(4, 4096).used(0, 0, 0, 1, 2).used(1, 0, 4, 5, 6),
                        host("h2").node(8, 8192)),
                row("an executor short of memory is passed over",
                        PlacementRequest.of(APP, 1, 2048, new AnyPlacement()), "h2",
                        host("h1").node(8, 8192).used(0, 7000, 0, 1, 2, 3, 4, 5),
                        host("h2").node(8, 8192).used(0, 0, 0, 1, 2, 3),
                        host("h3").node(8, 8192)),
                row("ONE_PER_HOST passes over the fullest executor when it runs the app",
                        PlacementRequest.of(APP, 1, 128, new OnePerHostPlacement()), "h2",
                        host("h1").node(8, 8192).instance(APP, 0, 1, 2, 3, 4, 5),
                        host("h2").node(8, 8192).used(0, 0, 0, 1, 2),
                        host("h3").node(8, 8192)),
                row("MAX_N_PER_HOST fills the fullest executor up to its limit",
                        PlacementRequest.of(APP, 1, 128, new MaxNPerHostPlacement(2)), "h1",
                        host("h1").node(8, 8192).instance(APP, 0).used(0, 0, 1, 2, 3, 4),
                        host("h2").node(8, 8192)),
                row("MATCH_TAG takes the fullest executor with the tag",
                        PlacementRequest.of(APP, 1, 128, new MatchTagPlacement("gpu")), "h2",
                        host("h1").tags("gpu").node(8, 8192).used(0, 0, 0, 1),
                        host("h2").tags("gpu").node(8, 8192).used(0, 0, 0, 1, 2, 3, 4, 5),
                        host("h3").node(8, 8192).used(0, 0, 0, 1, 2, 3, 4, 5, 6)),
                row("ANY leaves a tagged executor alone however full it is",
                        PlacementRequest.of(APP, 1, 128, new AnyPlacement()), "h2",
                        host("h1").tags("gpu").node(8, 8192).used(0, 0, 0, 1, 2, 3, 4, 5, 6),
                        host("h2").node(8, 8192)),
                row("MATCH_TAG of a hostname reaches that executor",
                        PlacementRequest.of(APP, 1, 128, new MatchTagPlacement("h3")), "h3",
                        host("h1").node(8, 8192).used(0, 0, 0, 1, 2, 3, 4, 5, 6),
                        host("h2").node(8, 8192).used(0, 0, 0, 1, 2, 3),
                        host("h3").node(8, 8192)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("choices")
    void theContainerGoesToTheFullestExecutorThatPassesEveryFilter(String name, PlacementRequest request,
                                                                    String expected,
                                                                    List<TestExecutors.Builder> executors) {
        var scheduler = binPacking(TestExecutors.cluster(executors.toArray(TestExecutors.Builder[]::new)));

        try (var session = scheduler.session()) {
            assertThat(scheduler.place(request, session).orElseThrow().executorId()).isEqualTo(idOf(expected));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.drove.controller.scheduler.PlacementPolicyTest#rows")
    void eachPolicyPlacesOrSaysWhyNotAsWithRandomOrder(String name, PlacementPolicy policy,
                                                        TestExecutors.Builder executor, String expected) {
        if (executor.build().state().layout().cores().isEmpty()) {
            executor.node(4, 4096).node(4, 4096);
        }
        var scheduler = binPacking(TestExecutors.cluster(executor));
        try (var session = scheduler.session()) {
            var result = scheduler.place(PlacementRequest.of(APP, 2, 512, policy), session);

            assertThat(result.isPlaced() ? "placed" : result.failure()).isEqualTo("placed".equals(expected)
                    ? "placed" : "No executor can take 2 cores and 512 MB for TEST_APP-1: 1 executor: 1 " + expected);
        }
    }

    @Test
    void containersPileOntoOneExecutorUntilItIsFull() {
        var scheduler = binPacking(TestExecutors.cluster(host("h1").node(4, 4096), host("h2").node(4, 4096),
                host("h3").node(4, 4096)));

        var executors = new ArrayList<String>();
        try (var session = scheduler.session()) {
            for (int i = 0; i < 6; i++) {
                executors.add(scheduler.place(PlacementRequest.of(APP, 1, 128, null), session).orElseThrow()
                        .executorId());
            }
        }

        assertThat(executors.subList(0, 4)).containsOnly(executors.get(0));
        assertThat(executors.subList(4, 6)).containsOnly(executors.get(4)).doesNotContain(executors.get(0));
    }

    @Test
    void theFailureNamesEveryExecutorOnceAsWithRandomOrder() {
        var scheduler = binPacking(TestExecutors.cluster(host("h1").node(4, 4096), host("h2").node(4, 4096),
                host("h3").tags("gpu").node(1, 4096)));

        try (var session = scheduler.session()) {
            var result = scheduler.place(PlacementRequest.of(APP, 2, 512, new MatchTagPlacement("gpu")), session);

            assertThat(result.failure()).isEqualTo("No executor can take 2 cores and 512 MB for TEST_APP-1: "
                    + "3 executors: 2 lack tag gpu, 1 has no NUMA node with 2 free cores");
        }
    }

    /**
     * Forty 1-core containers on ten 8-core executors, then 200 rounds of churn (a random one stops, a new one
     * starts). Bin packing keeps them on five full executors, so five stay empty and could be released; random
     * order spreads them so that fewer, if any, stay empty.
     */
    @Test
    void afterChurnBinPackingLeavesWholeExecutorsEmptyWhereRandomOrderSpreads() {
        assertThat(emptyExecutorsAfterChurn(PlacementStrategy.BIN_PACKING)).isEqualTo(5);
        assertThat(emptyExecutorsAfterChurn(PlacementStrategy.RANDOM)).isLessThan(5);
    }

    private static int emptyExecutorsAfterChurn(PlacementStrategy strategy) {
        var builders = new ArrayList<TestExecutors.Builder>();
        for (int i = 0; i < 10; i++) {
            builders.add(host("h" + i).node(4, 4096).node(4, 4096));
        }
        var resources = TestExecutors.cluster(builders.toArray(TestExecutors.Builder[]::new));
        var scheduler = new Scheduler(resources, strategy, new Random(5), new MetricRegistry());
        var random = new Random(17);
        var running = new ArrayList<Placement>();
        try (var session = scheduler.session()) {
            for (int round = 0; round < 240; round++) {
                if (round >= 40) {
                    var stopped = running.remove(random.nextInt(running.size()));
                    assertThat(scheduler.release(stopped.executorId(), stopped.allocations())).isTrue();
                }
                running.add(scheduler.place(PlacementRequest.of(APP, 1, 128, null), session).orElseThrow());
            }
            session.commit();
        }
        return (int) resources.executorIds().stream()
                .filter(id -> resources.snapshot(id).orElseThrow().freeCoreCount() == 8).count();
    }

    private static Scheduler binPacking(ClusterResources resources) {
        return new Scheduler(resources, PlacementStrategy.BIN_PACKING, new Random(3), new MetricRegistry());
    }

    private static Arguments row(String name, PlacementRequest request, String expected,
                                 TestExecutors.Builder... executors) {
        return arguments(name, request, expected, List.of(executors));
    }
}
