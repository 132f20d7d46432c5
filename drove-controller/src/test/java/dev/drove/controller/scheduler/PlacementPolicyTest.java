package dev.drove.controller.scheduler;

import dev.drove.models.application.placement.AnyPlacement;
import dev.drove.models.application.placement.CompositePlacement;
import dev.drove.models.application.placement.CompositePlacement.Combiner;
import dev.drove.models.application.placement.LocalPlacement;
import dev.drove.models.application.placement.MatchTagPlacement;
import dev.drove.models.application.placement.MaxNPerHostPlacement;
import dev.drove.models.application.placement.NoTagPlacement;
import dev.drove.models.application.placement.OnePerHostPlacement;
import dev.drove.models.application.placement.PlacementPolicy;
import dev.drove.models.application.placement.RuleBasedPlacement;
import dev.drove.models.application.placement.RuleBasedPlacement.RuleType;
import dev.drove.models.info.nodedata.ExecutorState;
import dev.drove.models.instance.InstanceState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;

import static dev.drove.controller.scheduler.TestExecutors.APP;
import static dev.drove.controller.scheduler.TestExecutors.host;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** Each policy, the tagging rule and the executor state, tried on a one-executor cluster. */
class PlacementPolicyTest {
    private static final String PLACED = "placed";

    static Stream<Arguments> rows() {
        return Stream.of(
                row("ANY takes an untagged executor", new AnyPlacement(), host("h1"), PLACED),
                row("ANY takes an executor tagged only with its hostname", new AnyPlacement(), host("h1").tags("h1"),
                        PLACED),
                row("ANY leaves an executor with another tag alone", new AnyPlacement(), host("h1").tags("gpu"),
                        "is reserved for tag gpu"),
                row("ANY names every reserving tag", new AnyPlacement(), host("h1").tags("ssd", "gpu"),
                        "is reserved for tags gpu, ssd"),
                row("ONE_PER_HOST takes an executor without the group", new OnePerHostPlacement(), host("h1"), PLACED),
                row("ONE_PER_HOST skips an executor running the group", new OnePerHostPlacement(),
                        host("h1").instance(APP, 0), "runs an instance of TEST_APP-1 already"),
                row("ONE_PER_HOST counts per version, not per name", new OnePerHostPlacement(),
                        host("h1").instance("TEST_APP-2", 0), PLACED),
                row("ONE_PER_HOST does not count stopped instances", new OnePerHostPlacement(),
                        host("h1").instance(APP, InstanceState.STOPPED, 128, 0), PLACED),
                row("ONE_PER_HOST leaves a tagged executor alone", new OnePerHostPlacement(), host("h1").tags("gpu"),
                        "is reserved for tag gpu"),
                row("MAX_N_PER_HOST takes an executor below the limit", new MaxNPerHostPlacement(2),
                        host("h1").instance(APP, 0), PLACED),
                row("MAX_N_PER_HOST skips an executor at the limit", new MaxNPerHostPlacement(2),
                        host("h1").instance(APP, 0).instance(APP, 1),
                        "has reached the limit of 2 instances of TEST_APP-1 per host"),
                row("MATCH_TAG takes an executor with the tag", new MatchTagPlacement("gpu"), host("h1").tags("gpu"),
                        PLACED),
                row("MATCH_TAG takes an executor with the tag among others", new MatchTagPlacement("gpu"),
                        host("h1").tags("ssd", "gpu"), PLACED),
                row("MATCH_TAG skips an untagged executor", new MatchTagPlacement("gpu"), host("h1"),
                        "lacks tag gpu"),
                row("MATCH_TAG skips an executor with only other tags", new MatchTagPlacement("gpu"),
                        host("h1").tags("ssd"), "is reserved for tag ssd"),
                row("MATCH_TAG may name the hostname", new MatchTagPlacement("h1"), host("h1"), PLACED),
                row("MATCH_TAG on the hostname reaches a tagged host", new MatchTagPlacement("h1"),
                        host("h1").tags("gpu"), PLACED),
                row("NO_TAG takes an untagged executor", new NoTagPlacement(), host("h1"), PLACED),
                row("NO_TAG skips a tagged executor", new NoTagPlacement(), host("h1").tags("gpu"),
                        "is reserved for tag gpu"),
                row("RULE_BASED takes an executor the rule holds for", rule("hostname == 'h1'"), host("h1"), PLACED),
                row("RULE_BASED skips an executor the rule fails for", rule("hostname == 'h2'"), host("h1"),
                        "does not satisfy rule 'hostname == 'h2''"),
                row("RULE_BASED reads metadata", rule("metadata.rack == 'r1'"), host("h1").metadata("rack", "r1"),
                        PLACED),
                row("RULE_BASED reads missing metadata as absent", rule("metadata.rack == 'r1'"), host("h1"),
                        "does not satisfy rule 'metadata.rack == 'r1''"),
                row("RULE_BASED reads free cores per NUMA node", rule("freeCoresByNode[1] >= 4"),
                        host("h1").node(4, 4096).node(2, 4096), "does not satisfy rule 'freeCoresByNode[1] >= 4'"),
                row("RULE_BASED reads tags, hostname included", rule("'h1' =~ tags && !('gpu' =~ tags)"),
                        host("h1"), PLACED),
                row("RULE_BASED reads the group's instances", rule("instances < 1"), host("h1").instance(APP, 0),
                        "does not satisfy rule 'instances < 1'"),
                row("RULE_BASED in MVEL uses the same language",
                        new RuleBasedPlacement("freeCores >= cpus", RuleType.MVEL), host("h1"), PLACED),
                row("RULE_BASED rejects a rule that does not give true or false", rule("freeCores"), host("h1"),
                        "cannot be checked by rule 'freeCores': it gives 8, not true or false"),
                row("RULE_BASED rejects a rule that fails while running", rule("metadata.rack.length() > 1"),
                        host("h1"), "cannot be checked by rule 'metadata.rack.length() > 1': "
                                + "undefined property '.rack' at 1:1"),
                row("RULE_BASED leaves a tagged executor alone", rule("true"), host("h1").tags("gpu"),
                        "is reserved for tag gpu"),
                row("COMPOSITE AND reaches tagged executors through MATCH_TAG (docs' example)",
                        composite(Combiner.AND, new OnePerHostPlacement(), new MatchTagPlacement("gpu")),
                        host("h1").tags("gpu"), PLACED),
                row("COMPOSITE AND needs every policy",
                        composite(Combiner.AND, new OnePerHostPlacement(), new MatchTagPlacement("gpu")),
                        host("h1").tags("gpu").instance(APP, 0), "runs an instance of TEST_APP-1 already"),
                row("COMPOSITE without a combiner is AND",
                        composite(null, new MatchTagPlacement("h1"), new MatchTagPlacement("gpu")), host("h1"),
                        "lacks tag gpu"),
                row("COMPOSITE OR takes an executor one policy accepts",
                        composite(Combiner.OR, new MatchTagPlacement("gpu"), new NoTagPlacement()), host("h1"),
                        PLACED),
                row("COMPOSITE OR reaches tagged executors through MATCH_TAG",
                        composite(Combiner.OR, new MatchTagPlacement("gpu"), new NoTagPlacement()),
                        host("h1").tags("gpu"), PLACED),
                row("COMPOSITE OR gives every reason when no policy accepts",
                        composite(Combiner.OR, new MatchTagPlacement("gpu"), new OnePerHostPlacement()),
                        host("h1").instance(APP, 0),
                        "matches no alternative (lacks tag gpu; runs an instance of TEST_APP-1 already)"),
                row("LOCAL skips executors the request does not name", new LocalPlacement(false), host("h1"),
                        "is not named by the LOCAL placement"),
                row("a BLACKLISTED executor takes nothing", new AnyPlacement(),
                        host("h1").state(ExecutorState.BLACKLISTED), "is BLACKLISTED"),
                row("an executor being blacklisted takes nothing", new AnyPlacement(),
                        host("h1").state(ExecutorState.BLACKLIST_REQUESTED), "is BLACKLIST_REQUESTED"),
                row("an UNREADY executor takes nothing", new AnyPlacement(), host("h1").state(ExecutorState.UNREADY),
                        "is UNREADY"),
                row("state is checked before tags", new MatchTagPlacement("gpu"),
                        host("h1").state(ExecutorState.BLACKLISTED), "is BLACKLISTED"),
                row("resources are checked last", new MatchTagPlacement("gpu"), host("h1").tags("gpu").node(1, 4096),
                        "has no NUMA node with 2 free cores"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void eachPolicyPlacesOrSaysWhyNot(String name, PlacementPolicy policy, TestExecutors.Builder executor,
                                      String expected) {
        if (executor.build().state().layout().cores().isEmpty()) {
            executor.node(4, 4096).node(4, 4096);
        }
        var scheduler = new Scheduler(TestExecutors.cluster(executor), new Random(7));
        try (var session = scheduler.session()) {
            var result = scheduler.place(PlacementRequest.of(APP, 2, 512, policy), session);

            if (PLACED.equals(expected)) {
                assertThat(result.failure()).isNull();
                assertThat(result.orElseThrow().executorId()).isEqualTo(executor.id());
            } else {
                assertThat(result.failure()).isEqualTo(
                        "No executor can take 2 cores and 512 MB for TEST_APP-1: 1 executor: 1 " + expected);
            }
        }
    }

    @Test
    void localPlacementGoesToTheExecutorTheRequestNamesOnly() {
        var resources = TestExecutors.cluster(host("h1").node(4, 4096), host("h2").node(4, 4096),
                host("h3").node(4, 4096));
        var scheduler = new Scheduler(resources, new Random(3));
        try (var session = scheduler.session()) {
            for (int i = 0; i < 2; i++) {
                var request = PlacementRequest.of("LS-1", 1, 128, new LocalPlacement(true))
                        .on(Set.of(TestExecutors.idOf("h2")));
                assertThat(scheduler.place(request, session).orElseThrow().executorId())
                        .isEqualTo(TestExecutors.idOf("h2"));
            }
            assertThat(session.instancesOn(TestExecutors.idOf("h2"))).isEqualTo(2);
            assertThat(session.placements()).hasSize(2);
        }
    }

    private static Arguments row(String name, PlacementPolicy policy, TestExecutors.Builder executor,
                                 String expected) {
        return arguments(name, policy, executor, expected);
    }

    private static RuleBasedPlacement rule(String rule) {
        return new RuleBasedPlacement(rule, RuleType.HOPE);
    }

    private static CompositePlacement composite(Combiner combiner, PlacementPolicy... policies) {
        return new CompositePlacement(List.of(policies), combiner);
    }
}
