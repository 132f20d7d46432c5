package dev.drove.controller.scheduler;

import dev.drove.models.application.placement.MatchTagPlacement;
import dev.drove.models.application.placement.RuleBasedPlacement;
import dev.drove.models.info.nodedata.ExecutorState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Random;
import java.util.Set;

import static dev.drove.controller.scheduler.TestExecutors.APP;
import static dev.drove.controller.scheduler.TestExecutors.host;
import static org.assertj.core.api.Assertions.assertThat;

class FailureSummaryTest {

    @Test
    void equalReasonsAreCountedMostFrequentFirst() {
        var scheduler = new Scheduler(TestExecutors.cluster(host("h1").node(4, 4096), host("h2").node(4, 4096),
                host("h3").tags("gpu").node(1, 4096)), new Random(1));

        try (var session = scheduler.session()) {
            var result = scheduler.place(PlacementRequest.of(APP, 2, 512, new MatchTagPlacement("gpu")), session);

            assertThat(result.failure()).isEqualTo("No executor can take 2 cores and 512 MB for TEST_APP-1: "
                    + "3 executors: 2 lack tag gpu, 1 has no NUMA node with 2 free cores");
        }
    }

    @Test
    void equallyFrequentReasonsAreInAlphabeticalOrderWhateverTheShuffle() {
        var cluster = TestExecutors.cluster(host("h1").state(ExecutorState.BLACKLISTED).node(4, 4096),
                host("h2").tags("ssd").node(4, 4096), host("h3").node(4, 4096));
        for (int seed = 0; seed < 5; seed++) {
            var scheduler = new Scheduler(cluster, new Random(seed));
            try (var session = scheduler.session()) {
                var result = scheduler.place(PlacementRequest.of(APP, 1, 128, new MatchTagPlacement("gpu")),
                        session);

                assertThat(result.failure()).isEqualTo("No executor can take 1 core and 128 MB for TEST_APP-1: "
                        + "3 executors: 1 is BLACKLISTED, 1 is reserved for tag ssd, 1 lacks tag gpu");
            }
        }
    }

    @Test
    void candidatesTheControllerDoesNotKnowAreNamedAsSuch() {
        var scheduler = new Scheduler(TestExecutors.cluster(host("h1").node(1, 4096)), new Random(1));

        try (var session = scheduler.session()) {
            var request = PlacementRequest.of(APP, 2, 64, null).on(Set.of("executor-h1", "ghost-1", "ghost-2"));

            assertThat(scheduler.place(request, session).failure()).isEqualTo("No executor can take 2 cores and "
                    + "64 MB for TEST_APP-1: 3 executors: 2 are not known to the controller, "
                    + "1 has no NUMA node with 2 free cores");
        }
    }

    @Test
    void aRuleThatDoesNotCompileFailsThePlacementBeforeAnyExecutorIsTried() {
        var resources = TestExecutors.cluster(host("h1").node(4, 4096));
        var scheduler = new Scheduler(resources, new Random(1));

        try (var session = scheduler.session()) {
            var policy = new RuleBasedPlacement("hostname ==", RuleBasedPlacement.RuleType.HOPE);
            var result = scheduler.place(PlacementRequest.of(APP, 1, 64, policy), session);

            assertThat(result.failure()).isEqualTo("Cannot place TEST_APP-1: RULE_BASED rule 'hostname ==' is not "
                    + "a valid expression: parsing error in '==' at 1:10");
            assertThat(session.placements()).isEmpty();
        }
        assertThat(resources.snapshot("executor-h1").orElseThrow().freeCoreCount()).isEqualTo(4);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(quoteCharacter = '"', value = {
            "lacks tag gpu, lack tag gpu",
            "is BLACKLISTED, are BLACKLISTED",
            "has no NUMA node with 2 free cores, have no NUMA node with 2 free cores",
            "does not satisfy rule 'x', do not satisfy rule 'x'",
            "carries tag gpu, carry tag gpu",
            "matches no alternative (lacks tag gpu), match no alternative (lacks tag gpu)",
            "runs an instance of A already, run an instance of A already",
            "cannot be checked by rule 'x', cannot be checked by rule 'x'",
            "passes, pass"})
    void aReasonCoveringSeveralExecutorsTakesThePluralVerb(String singular, String plural) {
        assertThat(Rejections.pluralVerb(singular)).isEqualTo(plural);
    }
}
