package dev.drove.controller.scheduler.bench;

import dev.drove.models.application.placement.AnyPlacement;
import dev.drove.models.application.placement.MatchTagPlacement;
import dev.drove.models.application.placement.MaxNPerHostPlacement;
import dev.drove.models.application.placement.OnePerHostPlacement;
import dev.drove.models.info.resources.CPUAllocation;
import dev.drove.models.info.resources.MemoryAllocation;
import dev.drove.models.info.resources.ResourceAllocation;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * The checker fails a log that breaks any rule, and only then. Cluster: 20 executors; bench-executor-9 carries tag
 * gpu. Apps: 0 ANY 1 core 1 GB, 1 ONE_PER_HOST, 2 MAX_N_PER_HOST 2, 3 MATCH_TAG gpu 2 cores, 4 ANY 1 core 100 GB.
 */
class AllocationCheckerTest {
    private static final String PASSES = "PASS";
    private static final BenchCluster CLUSTER = new BenchCluster(20);
    private static final List<BenchApp> APPS = List.of(
            new BenchApp("ANY-1", new AnyPlacement(), 1, 1024, 100),
            new BenchApp("ONE-1", new OnePerHostPlacement(), 1, 128, 100),
            new BenchApp("MAX2-1", new MaxNPerHostPlacement(2), 1, 128, 100),
            new BenchApp("GPU-1", new MatchTagPlacement("gpu"), 2, 512, 100),
            new BenchApp("BIG-1", new AnyPlacement(), 1, 100_000, 100));

    static Stream<Arguments> logs() {
        return Stream.of(
                row("a clean log passes, a freed core may be given again", PASSES, log -> {
                    int first = log.started(0, 0, on(0, 1024, 0));
                    log.started(1, 0, on(0, 128, 1));
                    log.started(3, 9, on(1, 512, 32, 33));
                    log.stopped(first);
                    log.started(0, 0, on(0, 1024, 0));
                }),
                row("ONE_PER_HOST may come back once its instance stopped", PASSES, log -> {
                    log.stopped(log.started(1, 0, on(0, 128, 0)));
                    log.started(1, 0, on(0, 128, 0));
                }),
                row("a core given twice fails", "cores [5] of bench-executor-0 are already in use", log -> {
                    log.started(0, 0, on(0, 1024, 5));
                    log.started(0, 0, on(0, 1024, 5));
                }),
                row("a node over its memory fails", "node 0 of bench-executor-0 would give 200000 MB of 131072",
                        log -> {
                            log.started(4, 0, on(0, 100_000, 0));
                            log.started(4, 0, on(0, 100_000, 1));
                        }),
                row("cores from two NUMA nodes fail", "its cores are not on exactly one NUMA node of bench-executor-0",
                        log -> log.started(3, 0, List.of(new CPUAllocation(Map.of(0, Set.of(0), 1, Set.of(32))),
                                new MemoryAllocation(Map.of(0, 512L))))),
                row("a core of another node fails", "cores [40] are not on node 0 of bench-executor-0",
                        log -> log.started(0, 0, on(0, 1024, 40))),
                row("a core the executor does not have fails", "it holds a core id bench-executor-0 does not have",
                        log -> log.started(0, 0, on(0, 1024, 70))),
                row("memory from another node fails", "cores on node 0 but memory on node 1",
                        log -> log.started(0, 0, List.of(new CPUAllocation(Map.of(0, Set.of(0))),
                                new MemoryAllocation(Map.of(1, 1024L))))),
                row("another size than asked fails", "got 2 cores and 1024 MB, asked for 1 and 1024",
                        log -> log.started(0, 0, on(0, 1024, 0, 1))),
                row("ONE_PER_HOST twice on one executor fails",
                        "ONE_PER_HOST allows 1 per host, bench-executor-3 runs 1 already", log -> {
                            log.started(1, 3, on(0, 128, 0));
                            log.started(1, 3, on(1, 128, 32));
                        }),
                row("MAX_N_PER_HOST over its limit fails",
                        "MAX_N_PER_HOST allows 2 per host, bench-executor-3 runs 2 already", log -> {
                            log.started(2, 3, on(0, 128, 0));
                            log.started(2, 3, on(0, 128, 1));
                            log.started(2, 3, on(0, 128, 2));
                        }),
                row("MATCH_TAG on an executor without the tag fails",
                        "MATCH_TAG gpu on bench-executor-0, which lacks the tag",
                        log -> log.started(3, 0, on(0, 512, 0, 1))),
                row("another policy on a tagged executor fails",
                        "ANY app on bench-executor-9, which is reserved for tag gpu",
                        log -> log.started(0, 9, on(0, 1024, 0))),
                row("a placement on an executor the cluster lacks fails",
                        "placed on an executor the cluster does not have", log -> log.started(0, -1, on(0, 1024, 0))),
                row("stopping an instance that is not running fails", "stopped but not running", log -> {
                    int instance = log.started(0, 0, on(0, 1024, 0));
                    log.stopped(instance);
                    log.stopped(instance);
                }));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("logs")
    void theCheckerFailsExactlyTheLogsThatBreakARule(String name, String expected, Consumer<PlacementLog> events) {
        var log = new PlacementLog(CLUSTER);
        events.accept(log);

        var result = new AllocationChecker(CLUSTER, APPS).check(log);

        if (PASSES.equals(expected)) {
            assertThat(result.passed()).as(result.verdict()).isTrue();
            assertThat(result.verdict()).startsWith("PASS");
        } else {
            assertThat(result.violations()).isEqualTo(1);
            assertThat(result.verdict()).startsWith("FAIL").contains(expected);
        }
    }

    /** Cores and megabytes all on {@code node}. */
    private static List<ResourceAllocation> on(int node, long memoryMB, Integer... cores) {
        return List.of(new CPUAllocation(Map.of(node, Set.of(cores))), new MemoryAllocation(Map.of(node, memoryMB)));
    }

    private static Arguments row(String name, String expected, Consumer<PlacementLog> events) {
        return arguments(name, expected, events);
    }
}
