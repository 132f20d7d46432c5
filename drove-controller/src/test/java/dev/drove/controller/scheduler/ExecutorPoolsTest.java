package dev.drove.controller.scheduler;

import com.codahale.metrics.MetricRegistry;
import dev.drove.models.application.placement.AnyPlacement;
import dev.drove.models.application.placement.CompositePlacement;
import dev.drove.models.application.placement.LocalPlacement;
import dev.drove.models.application.placement.MatchTagPlacement;
import dev.drove.models.application.placement.MaxNPerHostPlacement;
import dev.drove.models.application.placement.NoTagPlacement;
import dev.drove.models.application.placement.OnePerHostPlacement;
import dev.drove.models.application.placement.PlacementPolicy;
import dev.drove.models.application.placement.RuleBasedPlacement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
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

/** The pools a placement looks in first, and how executors move between them. */
class ExecutorPoolsTest {

    static Stream<Arguments> pools() {
        return Stream.of(
                arguments("ANY", new AnyPlacement(), "untagged"),
                arguments("ONE_PER_HOST", new OnePerHostPlacement(), "untagged"),
                arguments("MAX_N_PER_HOST", new MaxNPerHostPlacement(2), "untagged"),
                arguments("NO_TAG", new NoTagPlacement(), "untagged"),
                arguments("RULE_BASED", new RuleBasedPlacement("true", RuleBasedPlacement.RuleType.HOPE), "untagged"),
                arguments("MATCH_TAG", new MatchTagPlacement("gpu"), "gpu"),
                arguments("MATCH_TAG of a tag nobody carries", new MatchTagPlacement("tpu"), "every executor"),
                arguments("COMPOSITE", new CompositePlacement(List.of(new AnyPlacement()), null),
                        "every executor"),
                arguments("LOCAL", new LocalPlacement(false), "every executor"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pools")
    void everyPolicyLooksInThePoolItCanReach(String name, PlacementPolicy policy, String expected) {
        var resources = TestExecutors.cluster(host("h1").node(2, 1024), host("h2").tags("gpu").node(2, 1024));

        var pool = resources.poolFor(policy);

        assertThat(pool == null ? "every executor" : pool.name()).isEqualTo(expected);
    }

    @Test
    void everyPermittedPlacementPolicyHasAnAnswer() {
        List<Class<?>> answered = pools().<Class<?>>map(row -> row.get()[1].getClass()).toList();

        assertThat(answered).containsAll(List.of(PlacementPolicy.class.getPermittedSubclasses()));
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(PlacementStrategy.class)
    void anExecutorThatGainsATagLeavesTheUntaggedPoolAndJoinsTheTagsPool(PlacementStrategy strategy) {
        var h1 = host("h1").node(4, 4096);
        var resources = TestExecutors.cluster(h1);
        var scheduler = new Scheduler(resources, strategy, new Random(1), new MetricRegistry());
        place(scheduler, new AnyPlacement());

        resources.update(h1.tags("gpu").build());

        assertThat(place(scheduler, new AnyPlacement())).isNull();
        assertThat(place(scheduler, new MatchTagPlacement("gpu"))).isEqualTo(idOf("h1"));
        assertThat(resources.poolFor(new MatchTagPlacement("gpu")).members()).hasSize(1);
        assertThat(resources.poolFor(new AnyPlacement()).members()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(PlacementStrategy.class)
    void aRemovedExecutorTakesNothingMore(PlacementStrategy strategy) {
        var resources = TestExecutors.cluster(host("h1").node(4, 4096), host("h2").node(4, 4096));
        var scheduler = new Scheduler(resources, strategy, new Random(1), new MetricRegistry());

        resources.remove(idOf("h1"));

        var placed = new ArrayList<String>();
        for (int i = 0; i < 5; i++) {
            placed.add(place(scheduler, new AnyPlacement()));
        }
        assertThat(placed).containsExactly(idOf("h2"), idOf("h2"), idOf("h2"), idOf("h2"), null);
        assertThat(resources.poolFor(new AnyPlacement()).members()).hasSize(1);
    }

    @Test
    void aBinPackingSchedulerOrdersExecutorsKnownBeforeIt() {
        var resources = TestExecutors.cluster(host("h1").node(4, 4096), host("h2").node(4, 4096).used(0, 0, 0));
        new Scheduler(resources, PlacementStrategy.BIN_PACKING, new Random(1), new MetricRegistry());

        var order = new ArrayList<String>();
        resources.poolFor(new AnyPlacement()).fullestFirst(1).forEachRemaining(book -> order.add(book.id()));

        assertThat(order).containsExactly(idOf("h2"), idOf("h1"));
    }

    /** The executor a 1-core container of {@code policy} went to; null when none could take it. */
    private static String place(Scheduler scheduler, PlacementPolicy policy) {
        try (var session = scheduler.session()) {
            var result = scheduler.place(PlacementRequest.of(APP, 1, 128, policy), session);
            if (result.isPlaced()) {
                session.commit();
            }
            return result.asOptional().map(Placement::executorId).orElse(null);
        }
    }
}
