package dev.drove.controller.scheduler;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class RuleCheckTest {
    private static final String KNOWN = "known variables: cpus, executorId, freeCores, freeCoresByNode, "
            + "freeMemoryByNode, freeMemoryMB, hostname, instances, memoryMB, metadata, numaNodes, numaPinning, "
            + "state, tags";

    static Stream<Arguments> rules() {
        return Stream.of(
                arguments("a comparison compiles", "hostname == 'h1'", ""),
                arguments("tags, metadata and per-node maps compile",
                        "'gpu' =~ tags && metadata.rack == 'r1' && freeCoresByNode[0] >= cpus", ""),
                arguments("string methods compile", "hostname.startsWith('web-')", ""),
                arguments("a dangling operator is a parse error", "hostname ==",
                        "RULE_BASED rule 'hostname ==' is not a valid expression: parsing error in '==' at 1:10"),
                arguments("an unknown variable is named with the known ones", "hostnme == 'h1'",
                        "RULE_BASED rule 'hostnme == 'h1'' uses unknown variable hostnme; " + KNOWN),
                arguments("several unknown variables are all named", "rack == 'a' || zone == 'b'",
                        "RULE_BASED rule 'rack == 'a' || zone == 'b'' uses unknown variables rack, zone; " + KNOWN),
                arguments("an assignment is refused", "hostname = 'h1'",
                        "RULE_BASED rule 'hostname = 'h1'' is not a valid expression: "
                                + "global assign/modify error in 'hostname' at 1:1"),
                arguments("a loop is refused", "while (true) {}",
                        "RULE_BASED rule 'while (true) {}' is not a valid expression: "
                                + "loop error in 'while (...) ...' at 1:1"),
                arguments("creating objects is refused", "new('java.io.File', '/')",
                        "RULE_BASED rule 'new('java.io.File', '/')' is not a valid expression: "
                                + "create instance error in 'new(..., ...)' at 1:1"),
                arguments("an empty rule is refused", "  ", "RULE_BASED rule is empty"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void aRuleIsCheckedTheWayPlacementWillCompileIt(String name, String rule, String error) {
        var check = RuleCheck.compile(rule);

        assertThat(check.error()).isEqualTo(error);
        assertThat(check.valid()).isEqualTo(error.isEmpty());
    }
}
