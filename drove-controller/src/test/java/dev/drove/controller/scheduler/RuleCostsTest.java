package dev.drove.controller.scheduler;

import dev.drove.models.application.placement.RuleBasedPlacement;
import dev.drove.models.application.placement.RuleBasedPlacement.RuleType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Random;
import java.util.stream.Stream;

import static dev.drove.controller.scheduler.TestExecutors.APP;
import static dev.drove.controller.scheduler.TestExecutors.host;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** A RULE_BASED rule cannot make the scheduler build huge values or spin; cheap rules keep working. */
class RuleCostsTest {
    /** Thirty a's: {@code ((a+)+)+b} would take minutes to give up on it without a budget. */
    private static final String LONG_HOST = "a".repeat(30);

    static Stream<Arguments> costlyRules() {
        return Stream.of(
                arguments("a method that builds a huge string is not callable",
                        "hostname.repeat(1000000000).length() > 0", "repeat"),
                arguments("formatting is not callable", "hostname.format('%0999999999d', 1) != ''", "format"),
                arguments("regex replacement is not callable", "hostname.replaceAll('((a+)+)+b', 'x') == ''",
                        "replaceAll"),
                arguments("a catastrophically backtracking pattern stops at its budget", "hostname =~ '((a+)+)+b'",
                        "needs more than 200,000 steps"),
                arguments("so does its negation", "hostname !~ '((a+)+)+b'", "needs more than 200,000 steps"),
                arguments("a broken pattern is named", "hostname =~ '(a'", "'(a' is not a regular expression"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("costlyRules")
    @Timeout(10)
    void aCostlyRuleRejectsTheExecutorAndSaysWhy(String name, String rule, String reason) {
        var result = place(rule);

        assertThat(result.failure()).contains("cannot be checked by rule '" + rule + "'").contains(reason);
    }

    static Stream<Arguments> cheapRules() {
        return Stream.of(
                arguments("a bounded pattern still matches", "hostname =~ 'a+'"),
                arguments("string reading methods still work", "hostname.startsWith('aa') && hostname.length() == 30"),
                arguments("collections can be asked", "tags.contains(hostname) && metadata.isEmpty()"),
                arguments("a negated pattern that does not match", "hostname !~ 'b.*'"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cheapRules")
    void aCheapRuleStillPlaces(String name, String rule) {
        var result = place(rule);

        assertThat(result.failure()).isNull();
    }

    @Test
    void aRuleLongerThan1024CharactersIsRefusedBeforeAnythingIsPlaced() {
        var rule = "true" + " && true".repeat(200);

        assertThat(RuleCheck.compile(rule).error())
                .isEqualTo("RULE_BASED rule is 1,604 characters long; at most 1,024 are allowed");
        assertThat(RuleCheck.compile("true" + " && true".repeat(127)).valid()).isTrue();
    }

    private static PlacementResult place(String rule) {
        var executor = host(LONG_HOST).node(4, 4096);
        var scheduler = new Scheduler(TestExecutors.cluster(executor), new Random(7));
        try (var session = scheduler.session()) {
            return scheduler.place(PlacementRequest.of(APP, 1, 128, new RuleBasedPlacement(rule, RuleType.HOPE)),
                    session);
        }
    }
}
