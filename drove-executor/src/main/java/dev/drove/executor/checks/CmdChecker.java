package dev.drove.executor.checks;

import dev.drove.models.application.checks.CheckResult;
import dev.drove.models.application.checks.CmdCheckModeSpec;
import io.dropwizard.util.Duration;

import java.util.Arrays;
import java.util.List;

/**
 * A CMD check: the command runs inside the container ({@code docker exec}) and passes when it exits with 0. With the
 * shell (the default) it runs as {@code sh -c "<command>"}; with {@code shellDisabled} it is split on spaces and run
 * directly (drove-contract.md §2.3).
 */
final class CmdChecker implements Checker {
    /** Output quoted in a failure message is cut to this many characters. */
    static final int MAX_OUTPUT = 256;

    private final CmdCheckModeSpec spec;
    private final String containerId;
    private final ContainerCommands commands;
    private final Duration timeout;
    private final List<String> commandLine;

    CmdChecker(CmdCheckModeSpec spec, String containerId, ContainerCommands commands, Duration timeout) {
        this.spec = spec;
        this.containerId = containerId;
        this.commands = commands;
        this.timeout = timeout;
        this.commandLine = commandLine(spec);
    }

    /** What is executed: {@code [sh, -c, command]}, or the command's space-separated words without the shell. */
    static List<String> commandLine(CmdCheckModeSpec spec) {
        if (!spec.shellDisabled()) {
            return List.of("sh", "-c", spec.command());
        }
        return Arrays.stream(spec.command().trim().split(" +")).filter(word -> !word.isEmpty()).toList();
    }

    @Override
    public CheckResult check() {
        String call = "Command '" + spec.command() + "'";
        CommandResult result;
        try {
            result = commands.exec(containerId, commandLine, timeout.toJavaDuration());
        } catch (RuntimeException e) {
            return CheckResult.unhealthy(call + " could not run: "
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
        }
        if (result.exitCode() == 0) {
            return new CheckResult(CheckResult.Status.HEALTHY, call + " exited with 0");
        }
        String output = result.output().strip();
        if (output.length() > MAX_OUTPUT) {
            output = output.substring(0, MAX_OUTPUT) + "…";
        }
        return CheckResult.unhealthy(call + " exited with " + result.exitCode()
                + (output.isEmpty() ? "" : ": " + output));
    }

    @Override
    public String toString() {
        return "CMD check " + commandLine + " in " + containerId;
    }
}
