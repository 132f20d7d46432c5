package dev.drove.executor.logs;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InstanceLogIdTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "application instance | billing-1:AI-0001      | billing-1 | AI-0001",
            "task instance        | billing:task_7.daily   | billing   | task_7.daily",
    })
    void aValidValueSplitsIntoItsTwoFolders(String name, String value, String first, String second) {
        assertThat(InstanceLogId.parse(value)).contains(new InstanceLogId(first, second));
        assertThat(new InstanceLogId(first, second)).hasToString(value);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "no colon             | billing",
            "parent folder        | ..:passwd",
            "current folder       | app:.",
            "slash inside         | app/x:1",
            "empty first part     | :1",
            "empty second part    | app:",
            "second colon         | app:1:2",
    })
    void anUnsafeOrMalformedValueIsNotAnInstance(String name, String value) {
        assertThat(InstanceLogId.parse(value)).isEmpty();
    }

    @Test
    void anAbsentValueIsNotAnInstance() {
        assertThat(InstanceLogId.parse(null)).isEmpty();
    }

    @Test
    void anUnsafePartIsRefusedByName() {
        assertThatThrownBy(() -> new InstanceLogId("app", "../x"))
                .hasMessage("The second part of an instance log id must be a plain name (letters, digits, '-', '_', "
                        + "'.'), not ../x");
    }
}
