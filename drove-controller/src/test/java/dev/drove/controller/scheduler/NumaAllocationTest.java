package dev.drove.controller.scheduler;

import dev.drove.models.application.placement.AnyPlacement;
import dev.drove.models.info.resources.CPUAllocation;
import dev.drove.models.info.resources.MemoryAllocation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;

import static dev.drove.controller.scheduler.TestExecutors.APP;
import static dev.drove.controller.scheduler.TestExecutors.coresOf;
import static dev.drove.controller.scheduler.TestExecutors.host;
import static dev.drove.controller.scheduler.TestExecutors.memoryOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class NumaAllocationTest {

    static Stream<Arguments> choices() {
        return Stream.of(
                arguments("the first node that fits gives its lowest free cores",
                        host("h1").node(4, 4096).node(4, 4096), 2, 512, Map.of(0, Set.of(0, 1)), Map.of(0, 512L)),
                arguments("used cores are skipped", host("h1").node(4, 4096).used(0, 0, 0, 2), 2, 512,
                        Map.of(0, Set.of(1, 3)), Map.of(0, 512L)),
                arguments("a node with too few free cores is passed over",
                        host("h1").node(4, 4096).node(4, 4096).used(0, 0, 0, 1, 2), 2, 512,
                        Map.of(1, Set.of(4, 5)), Map.of(1, 512L)),
                arguments("memory comes from the node that gives the cores",
                        host("h1").node(4, 256).node(4, 4096), 2, 1024, Map.of(1, Set.of(4, 5)), Map.of(1, 1024L)),
                arguments("an executor without NUMA pinning is one node 0 pool", host("h1").node(16, 8192), 12, 8192,
                        Map.of(0, Set.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11)), Map.of(0, 8192L)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("choices")
    void coresAndMemoryComeFromOneNumaNode(String name, TestExecutors.Builder executor, int cpus, long memoryMB,
                                          Map<Integer, Set<Integer>> cores, Map<Integer, Long> memory) {
        var scheduler = new Scheduler(TestExecutors.cluster(executor), new Random(1));
        try (var session = scheduler.session()) {
            var placement = scheduler.place(PlacementRequest.of(APP, cpus, memoryMB, new AnyPlacement()), session)
                    .orElseThrow();

            assertThat(coresOf(placement)).isEqualTo(cores);
            assertThat(memoryOf(placement)).isEqualTo(memory);
        }
    }

    static Stream<Arguments> shortfalls() {
        return Stream.of(
                arguments("cores free on two nodes are never split", host("h1").node(1, 4096).node(1, 4096), 2, 128,
                        "has no NUMA node with 2 free cores"),
                arguments("one core short", host("h1").node(2, 4096).used(0, 0, 0, 1), 1, 128,
                        "has no NUMA node with 1 free core"),
                arguments("memory on another node does not count", host("h1").node(2, 100).node(0, 4096), 2, 512,
                        "has no NUMA node with 2 free cores and 512 MB free memory"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shortfalls")
    void aContainerThatFitsNoSingleNodeIsNotPlaced(String name, TestExecutors.Builder executor, int cpus,
                                                   long memoryMB, String reason) {
        var resources = TestExecutors.cluster(executor);
        var scheduler = new Scheduler(resources, new Random(1));
        try (var session = scheduler.session()) {
            var result = scheduler.place(PlacementRequest.of(APP, cpus, memoryMB, new AnyPlacement()), session);

            assertThat(result.failure()).endsWith(": 1 executor: 1 " + reason);
            assertThat(session.placements()).isEmpty();
        }
    }

    @Test
    void twoCorePlacementsFillEachNodeWithoutEverSplitting() {
        var resources = TestExecutors.cluster(host("h1").node(3, 4096).node(3, 4096));
        var scheduler = new Scheduler(resources, new Random(1));
        try (var session = scheduler.session()) {
            var first = scheduler.place(PlacementRequest.of(APP, 2, 128, null), session).orElseThrow();
            var second = scheduler.place(PlacementRequest.of(APP, 2, 128, null), session).orElseThrow();
            var third = scheduler.place(PlacementRequest.of(APP, 2, 128, null), session);

            assertThat(coresOf(first)).isEqualTo(Map.of(0, Set.of(0, 1)));
            assertThat(coresOf(second)).isEqualTo(Map.of(1, Set.of(3, 4)));
            assertThat(third.failure()).endsWith("1 has no NUMA node with 2 free cores");
            assertThat(resources.snapshot(TestExecutors.idOf("h1")).orElseThrow().freeCoreCount()).isEqualTo(2);
            session.commit();
        }
    }

    @Test
    void placementsNeverShareACoreUntilTheClusterIsFull() {
        var resources = TestExecutors.cluster(host("h1").node(8, 65536).node(8, 65536),
                host("h2").node(6, 65536).node(10, 65536), host("h3").node(12, 65536), host("h4").node(3, 65536));
        var scheduler = new Scheduler(resources, new Random(42));
        var held = new HashMap<String, Set<Integer>>();
        var placements = new ArrayList<Placement>();
        try (var session = scheduler.session()) {
            var random = new Random(5);
            while (true) {
                int cpus = 1 + random.nextInt(3);
                var result = scheduler.place(PlacementRequest.of(APP, cpus, 256, null), session);
                if (!result.isPlaced() && cpus == 1) {
                    break;
                }
                if (!result.isPlaced()) {
                    continue;
                }
                var placement = result.orElseThrow();
                placements.add(placement);
                var cores = coresOf(placement);
                assertThat(cores).hasSize(1);
                assertThat(memoryOf(placement).keySet()).isEqualTo(cores.keySet());
                for (var core : cores.values().iterator().next()) {
                    assertThat(held.computeIfAbsent(placement.executorId(), id -> new HashSet<>()).add(core))
                            .as("core %d of %s is given once", core, placement.executorId()).isTrue();
                }
            }
            session.commit();
        }
        int totalHeld = held.values().stream().mapToInt(Set::size).sum();
        assertThat(totalHeld).as("every core is given out").isEqualTo(8 + 8 + 6 + 10 + 12 + 3);
        assertThat(resources.executorIds().stream()
                .mapToInt(id -> resources.snapshot(id).orElseThrow().freeCoreCount()).sum()).isZero();
        placements.forEach(p -> coresOf(p).values().iterator().next().forEach(core ->
                assertThat(resources.coreState(p.executorId(), core)).contains(CoreState.ALLOCATED)));
    }

    @Test
    void releasedCoresAndMemoryCanBePlacedAgain() {
        var resources = TestExecutors.cluster(host("h1").node(2, 1024));
        var scheduler = new Scheduler(resources, new Random(1));
        try (var session = scheduler.session()) {
            var first = scheduler.place(PlacementRequest.of(APP, 2, 1024, null), session).orElseThrow();
            assertThat(scheduler.place(PlacementRequest.of(APP, 1, 1, null), session).isPlaced()).isFalse();

            assertThat(scheduler.release(first.executorId(), first.allocations())).isTrue();
            assertThat(scheduler.release(first.executorId(), first.allocations())).as("a second release").isFalse();
            var again = scheduler.place(PlacementRequest.of(APP, 2, 1024, null), session).orElseThrow();

            assertThat(again.allocations()).isEqualTo(first.allocations());
            assertThat(resources.snapshot(first.executorId()).orElseThrow().freeMemoryMB()).isZero();
            session.commit();
        }
    }

    @Test
    void aPlacementIsTheTwoAllocationsOfTheContract() {
        var scheduler = new Scheduler(TestExecutors.cluster(host("h1").node(4, 4096)), new Random(1));
        try (var session = scheduler.session()) {
            var placement = scheduler.place(PlacementRequest.of(APP, 1, 128, null), session).orElseThrow();

            assertThat(placement.hostname()).isEqualTo("h1");
            assertThat(placement.allocations()).isEqualTo(List.of(
                    new CPUAllocation(Map.of(0, Set.of(0))),
                    new MemoryAllocation(Map.of(0, 128L))));
        }
    }
}
