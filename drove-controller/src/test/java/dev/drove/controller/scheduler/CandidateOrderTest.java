package dev.drove.controller.scheduler;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

import static dev.drove.controller.scheduler.TestExecutors.host;
import static dev.drove.controller.scheduler.TestExecutors.idOf;
import static org.assertj.core.api.Assertions.assertThat;

class CandidateOrderTest {

    @ParameterizedTest(name = "{0} candidates")
    @ValueSource(ints = {1, 2, 3, 10, 100, 5000})
    void theLazyShuffleDrawsTheOrderOfAnEagerFisherYatesShuffle(int size) {
        var ids = IntStream.range(0, size).mapToObj(i -> "e" + i).toList();
        for (long seed = 0; seed < 20; seed++) {
            var eager = new ArrayList<>(ids);
            var random = new Random(seed);
            for (int i = 0; i < eager.size(); i++) {
                int j = i + random.nextInt(eager.size() - i);
                var held = eager.get(i);
                eager.set(i, eager.get(j));
                eager.set(j, held);
            }
            var lazy = new ArrayList<String>();
            CandidateOrder.of(ids, PlacementStrategy.RANDOM, new ClusterResources(), new Random(seed))
                    .forEachRemaining(lazy::add);

            assertThat(lazy).isEqualTo(eager);
        }
    }

    @Test
    void binPackingTriesAListFullestFirstAndUnknownIdsLast() {
        var resources = TestExecutors.cluster(host("h1").node(4, 4096), host("h2").node(4, 4096).used(0, 0, 0, 1),
                host("h3").node(4, 4096).used(0, 0, 0), host("h4").node(4, 4096).used(0, 1024, 0));
        var order = new ArrayList<String>();

        CandidateOrder.of(List.of(idOf("h1"), "ghost", idOf("h2"), idOf("h3"), idOf("h4")),
                PlacementStrategy.BIN_PACKING, resources, new Random(1)).forEachRemaining(order::add);

        assertThat(order).containsExactly(idOf("h2"), idOf("h4"), idOf("h3"), idOf("h1"), "ghost");
    }
}
