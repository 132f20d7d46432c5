package dev.drove.common.logs;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LogFileNameTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "the current file             | output.log",
            "a dated archive              | output.log-2024-07-04",
            "a dated and numbered archive | output.log-2024-07-04-3",
            "a compressed archive         | output.log-2024-07-04.gz",
    })
    void anInstancesOutputFileIsAccepted(String row, String name) {
        assertThat(LogFileName.check(name)).isEqualTo(name);
        assertThat(LogFileName.isValid(name)).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "parent folder                | ..                     | must not be '.' or '..'",
            "current folder               | .                      | must not be '.' or '..'",
            "parent then a file           | ../etc/passwd          | without '/' or '\\'",
            "parent of output             | ../output.log          | without '/' or '\\'",
            "absolute path                | /etc/passwd            | without '/' or '\\'",
            "sub folder                   | output.log/x           | without '/' or '\\'",
            "windows separator            | ..\\output.log         | without '/' or '\\'",
            "not an output file           | drove-executor.log     | Only an instance's output files (output.*)",
            "output without its dot       | outputs.log            | Only an instance's output files (output.*)",
            "blank                        | ''                     | A log file name is required",
    })
    void anythingElseIsRefusedSayingWhy(String row, String name, String reason) {
        assertThatThrownBy(() -> LogFileName.check(name))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(reason);
        assertThat(LogFileName.isValid(name)).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "NUL before a suffix | 0",
            "a newline           | 10",
            "an escape           | 27",
            "a delete            | 127",
    })
    void controlCharactersAreRefusedAndShownEscaped(String row, int code) {
        var name = "output.log" + (char) code + ".png";
        assertThatThrownBy(() -> LogFileName.check(name))
                .hasMessage("A log file name must not contain NUL or control characters: output.log"
                        + String.format("\\u%04x", code) + ".png");
    }

    @org.junit.jupiter.api.Test
    void aNameLongerThanAFileSystemAllowsIsRefused() {
        assertThatThrownBy(() -> LogFileName.check("output." + "x".repeat(300)))
                .hasMessage("A log file name has at most 255 characters");
    }

    @org.junit.jupiter.api.Test
    void anAbsentNameIsRefused() {
        assertThatThrownBy(() -> LogFileName.check(null)).hasMessage("A log file name is required");
    }
}
