package dev.drove.common.testkit;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** Which containers the extension counts as ours, and so removes after a class. */
class DockerExtensionTest {
    static Stream<Arguments> labelSets() {
        String test = DockerExtension.TEST_LABEL;
        String run = DockerExtension.RUN_LABEL;
        return Stream.of(
                arguments("a kit container of this JVM", Map.of(test, "true", run, DockerExtension.RUN_ID), true),
                arguments("a kit container without a run id", Map.of(test, "true"), true),
                arguments("a kit container of another JVM", Map.of(test, "true", run, "another-run"), false),
                arguments("an executor container", Map.of("drove.instance.id", "AI-1", "drove.app.id", "app-1"), true),
                arguments("an executor container made from a kit image", Map.of("drove.instance.id", "AI-1",
                        TestImages.CONTEXT_HASH_LABEL, "abc"), true),
                arguments("a container of the test image started by hand", Map.of(TestImages.CONTEXT_HASH_LABEL, "abc"),
                        false),
                arguments("a kit label that is not true", Map.of(test, "false"), false),
                arguments("a label merely containing drove", Map.of("com.example.drove.id", "1"), false),
                arguments("no labels at all", Map.of(), false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("labelSets")
    void onlyKitContainersOfThisJvmAndDroveLabelledContainersAreOurs(String name, Map<String, String> labels,
                                                                      boolean ours) {
        assertThat(DockerExtension.isOurs(labels)).isEqualTo(ours);
    }
}
