package dev.drove.executor.checks;

import dev.drove.models.application.checks.CheckResult;
import dev.drove.models.application.checks.CheckResult.Status;
import dev.drove.models.application.checks.CmdCheckModeSpec;
import io.dropwizard.util.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class CmdCheckerTest {

    static Stream<Arguments> commandLines() {
        return Stream.of(
                arguments("the shell runs the whole line", "check health && echo ok", false,
                        List.of("sh", "-c", "check health && echo ok")),
                arguments("without the shell the line is split on spaces", "check health", true,
                        List.of("check", "health")),
                arguments("without the shell repeated and outer spaces make no empty words", "  check   health ", true,
                        List.of("check", "health")),
                arguments("without the shell quotes are not interpreted", "echo 'a b'", true,
                        List.of("echo", "'a", "b'")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("commandLines")
    void theCommandRunsInTheContainerAsTheShellSettingSays(String name, String command, boolean shellDisabled,
                                                           List<String> executed) {
        var commands = RecordingCommands.exitingWith(0, "");

        checker(new CmdCheckModeSpec(command, shellDisabled), commands).check();

        assertThat(commands.calls()).containsExactly(
                new RecordingCommands.Call("c-1", executed, java.time.Duration.ofMillis(750)));
    }

    static Stream<Arguments> exits() {
        return Stream.of(
                arguments("exit 0 passes", 0, "fine\n", Status.HEALTHY, "Command 'check health' exited with 0"),
                arguments("exit 1 fails and quotes the output", 1, "  not healthy\n", Status.UNHEALTHY,
                        "Command 'check health' exited with 1: not healthy"),
                arguments("a silent failure gives the exit code only", 137, "", Status.UNHEALTHY,
                        "Command 'check health' exited with 137"),
                arguments("long output is cut", 2, "x".repeat(300), Status.UNHEALTHY,
                        "Command 'check health' exited with 2: " + "x".repeat(CmdChecker.MAX_OUTPUT) + "…"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("exits")
    void onlyExitCodeZeroPassesAndTheMessageSaysHowTheCommandEnded(String name, int exitCode, String output,
                                                                   Status status, String message) {
        var result = checker(new CmdCheckModeSpec("check health", false),
                RecordingCommands.exitingWith(exitCode, output)).check();

        assertThat(result).isEqualTo(new CheckResult(status, message));
    }

    @Test
    void aCommandThatCannotRunFailsTheCheckWithTheEnginesReason() {
        var commands = new RecordingCommands(command -> {
            throw new IllegalStateException("container c-1 is not running");
        });

        var result = checker(new CmdCheckModeSpec("check health", true), commands).check();

        assertThat(result).isEqualTo(CheckResult.unhealthy(
                "Command 'check health' could not run: container c-1 is not running"));
    }

    private static Checker checker(CmdCheckModeSpec spec, ContainerCommands commands) {
        return Checkers.forMode(spec, Duration.milliseconds(750), Map.of(), "c-1", commands);
    }
}
