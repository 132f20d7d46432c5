package dev.drove.common.testkit;

import com.github.dockerjava.api.DockerClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** The task image on the real engine: iterations in the log, the chosen exit code, a prompt stop. */
@ExtendWith(DockerExtension.class)
class TaskImageIT {
    static Stream<Arguments> runs() {
        return Stream.of(
                arguments("EXIT_CODE=3 and ITERATIONS=2 log two iterations and exit 3",
                        Map.of("EXIT_CODE", "3", "ITERATIONS", "2"), 3,
                        List.of("iteration 1 of 2", "iteration 2 of 2")),
                arguments("by default three iterations and exit 0", Map.of(), 0,
                        List.of("iteration 1 of 3", "iteration 2 of 3", "iteration 3 of 3")),
                arguments("zero iterations go straight to the exit code",
                        Map.of("ITERATIONS", "0", "EXIT_CODE", "7"), 7, List.of()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("runs")
    void aTaskLogsEachIterationAndExitsWithItsExitCode(String name, Map<String, String> env, int exitCode,
                                                       List<String> iterations, DockerClient docker) {
        TestContainer task = TestContainer.of(TestImage.TASK).env("SLEEP_SECONDS", "0");
        env.forEach(task::env);

        RunningContainer running = task.run(docker);

        assertThat(running.awaitExit(Duration.ofSeconds(20))).isEqualTo(exitCode);
        assertThat(running.logs().lines().filter(line -> line.startsWith("iteration")))
                .containsExactlyElementsOf(iterations);
    }

    @Test
    void aLongTaskStopsWithinTwoSecondsOnSigterm(DockerClient docker) {
        RunningContainer task = TestContainer.of(TestImage.TASK).env("ITERATIONS", "100").env("SLEEP_SECONDS", "30")
                .run(docker);
        await().atMost(Duration.ofSeconds(5)).until(() -> task.logs().contains("iteration 1 of 100"));

        long started = System.nanoTime();
        docker.stopContainerCmd(task.id()).withTimeout(10).exec();

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
        assertThat(task.awaitExit(Duration.ofSeconds(5))).isEqualTo(143);
    }
}
