package dev.drove.controller.logs;

import dev.drove.common.errors.ApiException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The controller answers the shared log file name rule (tested in drove-common) with 400 and its reason. */
class LogFileNameCheckTest {

    @Test
    void anInstancesOutputFilePasses() {
        assertThat(LogFileResource.checkName("output.log-2024-07-04.gz")).isEqualTo("output.log-2024-07-04.gz");
    }

    @ParameterizedTest(name = "[{index}] ''{0}''")
    @ValueSource(strings = {"..", "../etc/passwd", "/etc/passwd", "drove-executor.log", "output.log\u0000.png", ""})
    void aNameBreakingTheRuleIsA400WithTheRulesReason(String name) {
        assertThatThrownBy(() -> LogFileResource.checkName(name))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status().getStatusCode()).isEqualTo(400))
                .hasMessageMatching("(A log file name|Only an instance's output files).*");
    }
}
