package dev.drove.controller.scheduler;

import com.codahale.metrics.MetricRegistry;
import dev.drove.models.application.placement.AnyPlacement;
import dev.drove.models.application.placement.MaxNPerHostPlacement;
import dev.drove.models.application.placement.OnePerHostPlacement;
import dev.drove.models.application.placement.PlacementPolicy;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static dev.drove.controller.scheduler.TestExecutors.coresOf;
import static dev.drove.controller.scheduler.TestExecutors.host;
import static dev.drove.controller.scheduler.TestExecutors.memoryOf;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * 200 random placements, releases and executor reports on 20 executors, with each placement strategy, checked after
 * every step against a model kept apart from the book: no core is ever given twice, cores and memory always come from
 * one node, the book's core states and free memory match the model, and an ANY placement fails only when no node
 * could take it.
 */
class RandomizedPlacementTest {
    private static final int EXECUTORS = 20;
    private static final int STEPS = 200;

    /** One executor's capacity: per node, its first core id, core count and megabytes. */
    private record Layout(String hostname, int[] firstCore, int[] cores, long[] memory) {
        TestExecutors.Builder builder() {
            var builder = host(hostname);
            for (int node = 0; node < cores.length; node++) {
                builder.node(cores[node], memory[node]);
            }
            return builder;
        }
    }

    /** A placement the model knows is held, with its group, and whether its executor has reported it. */
    private static final class Held {
        private final String group;
        private final Placement placement;
        private boolean reported;

        Held(String group, Placement placement) {
            this.group = group;
            this.placement = placement;
        }

        String group() {
            return group;
        }

        Placement placement() {
            return placement;
        }
    }

    private final Random random = new Random(20240611);
    private final Map<String, Layout> layouts = new HashMap<>();
    private final List<Held> held = new ArrayList<>();

    @ParameterizedTest(name = "{0}")
    @EnumSource(PlacementStrategy.class)
    void randomPlacementsAndReleasesNeverDoubleAllocateACore(PlacementStrategy strategy) {
        var resources = new ClusterResources();
        for (int i = 0; i < EXECUTORS; i++) {
            var layout = randomLayout("h" + i);
            layouts.put(TestExecutors.idOf(layout.hostname()), layout);
            resources.update(layout.builder().build());
        }
        var scheduler = new Scheduler(resources, strategy, new Random(random.nextLong()), new MetricRegistry());
        int placed = 0;
        int released = 0;
        int refused = 0;
        for (int step = 0; step < STEPS; step++) {
            int dice = random.nextInt(10);
            if (dice < 6 || held.isEmpty()) {
                if (place(scheduler)) {
                    placed++;
                } else {
                    refused++;
                }
            } else if (dice < 8) {
                var victim = held.remove(random.nextInt(held.size()));
                assertThat(scheduler.release(victim.placement().executorId(), victim.placement().allocations()))
                        .isTrue();
                released++;
            } else {
                report(resources);
            }
            assertBookMatchesModel(resources, step);
        }
        assertThat(placed).as("placements made").isGreaterThan(60);
        assertThat(released).as("releases made").isGreaterThan(20);
        assertThat(refused).as("placements refused").isPositive();
    }

    private boolean place(Scheduler scheduler) {
        var group = "APP-" + random.nextInt(3);
        var policy = List.<PlacementPolicy>of(new AnyPlacement(), new OnePerHostPlacement(),
                new MaxNPerHostPlacement(2)).get(random.nextInt(3));
        var request = PlacementRequest.of(group, 1 + random.nextInt(4), 64L * (1 + random.nextInt(16)), policy);
        try (var session = scheduler.session()) {
            var result = scheduler.place(request, session);
            if (!result.isPlaced()) {
                if (policy instanceof AnyPlacement) {
                    assertThat(anyNodeFits(request)).as("ANY failed although a node fits: " + result.failure())
                            .isFalse();
                }
                return false;
            }
            var placement = result.orElseThrow();
            assertFitsTheModel(request, policy, placement);
            held.add(new Held(group, placement));
            session.commit();
            return true;
        }
    }

    private void assertFitsTheModel(PlacementRequest request, PlacementPolicy policy, Placement placement) {
        var cores = coresOf(placement);
        assertThat(cores).as("one node").hasSize(1);
        var node = cores.keySet().iterator().next();
        assertThat(cores.get(node)).hasSize(request.cpus());
        assertThat(memoryOf(placement)).isEqualTo(Map.of(node, request.memoryMB()));
        var layout = layouts.get(placement.executorId());
        for (var core : cores.get(node)) {
            assertThat(core).as("core on its node").isBetween(layout.firstCore()[node],
                    layout.firstCore()[node] + layout.cores()[node] - 1);
            assertThat(holderOf(placement.executorId(), core)).as("core %d of %s is free", core,
                    placement.executorId()).isNull();
        }
        assertThat(usedMemory(placement.executorId(), node) + request.memoryMB())
                .isLessThanOrEqualTo(layout.memory()[node]);
        long sameGroupHere = held.stream().filter(h -> h.group().equals(request.groupKey())
                && h.placement().executorId().equals(placement.executorId())).count();
        if (policy instanceof OnePerHostPlacement) {
            assertThat(sameGroupHere).isZero();
        } else if (policy instanceof MaxNPerHostPlacement) {
            assertThat(sameGroupHere).isLessThan(2);
        }
    }

    /**
     * Some executor reports the containers it reported before and about half of the others (the rest have not
     * started yet): those are confirmed, the rest must stay ALLOCATED.
     */
    private void report(ClusterResources resources) {
        var executorId = new ArrayList<>(layouts.keySet()).get(random.nextInt(layouts.size()));
        var builder = layouts.get(executorId).builder();
        held.stream().filter(h -> h.placement().executorId().equals(executorId))
                .filter(h -> h.reported || random.nextBoolean())
                .forEach(h -> {
                    h.reported = true;
                    builder.instance(h.group(), h.placement().allocations());
                });
        resources.update(builder.build());
    }

    private void assertBookMatchesModel(ClusterResources resources, int step) {
        for (var entry : layouts.entrySet()) {
            var executorId = entry.getKey();
            var layout = entry.getValue();
            var snapshot = resources.snapshot(executorId).orElseThrow();
            for (int node = 0; node < layout.cores().length; node++) {
                for (int core = layout.firstCore()[node]; core < layout.firstCore()[node] + layout.cores()[node];
                     core++) {
                    var state = resources.coreState(executorId, core).orElseThrow();
                    assertThat(state == CoreState.FREE).as("step %d: core %d of %s is %s", step, core, executorId,
                            state).isEqualTo(holderOf(executorId, core) == null);
                }
                assertThat(snapshot.nodes().get(node).freeMemoryMB()).as("step %d: free MB of %s node %d", step,
                        executorId, node).isEqualTo(layout.memory()[node] - usedMemory(executorId, node));
            }
        }
    }

    private boolean anyNodeFits(PlacementRequest request) {
        for (var entry : layouts.entrySet()) {
            var layout = entry.getValue();
            for (int node = 0; node < layout.cores().length; node++) {
                int free = 0;
                for (int core = layout.firstCore()[node]; core < layout.firstCore()[node] + layout.cores()[node];
                     core++) {
                    free += holderOf(entry.getKey(), core) == null ? 1 : 0;
                }
                if (free >= request.cpus()
                        && layout.memory()[node] - usedMemory(entry.getKey(), node) >= request.memoryMB()) {
                    return true;
                }
            }
        }
        return false;
    }

    private Held holderOf(String executorId, int core) {
        return held.stream().filter(h -> h.placement().executorId().equals(executorId)
                && coresOf(h.placement()).values().iterator().next().contains(core)).findFirst().orElse(null);
    }

    private long usedMemory(String executorId, int node) {
        return held.stream().filter(h -> h.placement().executorId().equals(executorId))
                .mapToLong(h -> memoryOf(h.placement()).getOrDefault(node, 0L)).sum();
    }

    private Layout randomLayout(String hostname) {
        int nodes = 1 + random.nextInt(2);
        var firstCore = new int[nodes];
        var cores = new int[nodes];
        var memory = new long[nodes];
        int next = 0;
        for (int node = 0; node < nodes; node++) {
            firstCore[node] = next;
            cores[node] = 2 + random.nextInt(7);
            memory[node] = 512L * (2 + random.nextInt(15));
            next += cores[node];
        }
        return new Layout(hostname, firstCore, cores, memory);
    }
}
