package dev.drove.executor.topology;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class CpuListTest {

    static Stream<Arguments> lists() {
        return Stream.of(
                arguments("one range", "0-3", List.of(0, 1, 2, 3), "0-3"),
                arguments("hyper-threaded node", "0-3,8-11\n", List.of(0, 1, 2, 3, 8, 9, 10, 11), "0-3,8-11"),
                arguments("single ids", "0,2,4", List.of(0, 2, 4), "0,2,4"),
                arguments("ids and ranges mixed", "1,3-4,7", List.of(1, 3, 4, 7), "1,3-4,7"),
                arguments("one CPU", "5", List.of(5), "5"),
                arguments("memory-only node", "\n", List.of(), ""),
                arguments("adjacent ranges join when written", "0-1,2-3", List.of(0, 1, 2, 3), "0-3"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("lists")
    void aKernelCpuListReadsAsSortedIdsAndWritesBackCompactly(String name, String text, List<Integer> ids,
                                                              String written) {
        assertThat(CpuList.parse(text)).containsExactlyElementsOf(ids);
        assertThat(CpuList.format(ids)).isEqualTo(written);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformed")
    void textThatIsNotACpuListIsRejectedWithTheTextQuoted(String text) {
        assertThatThrownBy(() -> CpuList.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("'" + text + "' is not a CPU list such as 0-3,8-11");
    }

    static Stream<String> malformed() {
        return Stream.of("a-b", "3-1", "0-", "-2", "1-2-3", "0,,1", "0 1");
    }
}
