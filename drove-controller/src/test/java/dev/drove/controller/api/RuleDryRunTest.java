package dev.drove.controller.api;

import dev.drove.controller.api.DryRunRuleInfo.SchedulingInfo;
import dev.drove.controller.api.RuleDryRunResult.RuleStatus;
import dev.drove.models.application.placement.RuleBasedPlacement;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The RULE_BASED dry-run: compile, then evaluate for one executor's id and metadata. */
class RuleDryRunTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            // row                        | rule                                  | status | check   | eval    | result
            "metadata matches             | metadata.rack == 'r1'                 | true   | SUCCESS | SUCCESS | true",
            "metadata does not match      | metadata.rack == 'r2'                 | false  | SUCCESS | SUCCESS | false",
            "executor id is the host name | hostname == 'exec-1' && executorId == 'exec-1' | true | SUCCESS | SUCCESS | true",
            "does not compile             | metadata.rack ==                      | false  | FAILURE | FAILURE | false",
            "unknown variable             | rack == 'r1'                          | false  | FAILURE | FAILURE | false",
            "not a boolean                | metadata.rack                         | false  | SUCCESS | FAILURE | false"})
    void aRuleIsCheckedThenEvaluated(String row, String rule, boolean status, RuleStatus check, RuleStatus eval,
                                     boolean result) {
        var info = new DryRunRuleInfo(new RuleBasedPlacement(rule, RuleBasedPlacement.RuleType.MVEL),
                new SchedulingInfo("exec-1", Map.of("rack", "r1"), null, null));

        var dryRun = RuleDryRun.run(info);

        assertThat(dryRun.status()).isEqualTo(status);
        assertThat(dryRun.checkResult().status()).isEqualTo(check);
        assertThat(dryRun.evalResult().status()).isEqualTo(eval);
        assertThat(dryRun.evalResult().result()).isEqualTo(result);
        assertThat(dryRun.checkResult().error() != null).isEqualTo(check == RuleStatus.FAILURE);
        assertThat(dryRun.evalResult().error() != null).isEqualTo(eval == RuleStatus.FAILURE);
    }
}
