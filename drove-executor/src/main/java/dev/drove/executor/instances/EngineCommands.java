package dev.drove.executor.instances;

import dev.drove.executor.checks.CommandResult;
import dev.drove.executor.checks.ContainerCommands;
import dev.drove.executor.engine.ContainerEngine;
import dev.drove.executor.engine.ExecResult;
import jakarta.inject.Inject;

import java.time.Duration;
import java.util.List;

/**
 * CMD checks and CMD pre-shutdown hooks run through the container engine's exec. The checks hand over an argv:
 * {@code [sh, -c, command]} runs the command through the shell, anything else runs the words directly (the engine
 * splits on whitespace, as the checks split on spaces).
 */
final class EngineCommands implements ContainerCommands {
    private final ContainerEngine engine;

    @Inject
    EngineCommands(ContainerEngine engine) {
        this.engine = engine;
    }

    @Override
    public CommandResult exec(String containerId, List<String> command, Duration timeout) {
        boolean throughShell = command.size() == 3 && "sh".equals(command.get(0)) && "-c".equals(command.get(1));
        ExecResult result = throughShell
                ? engine.exec(containerId, command.get(2), false, timeout)
                : engine.exec(containerId, String.join(" ", command), true, timeout);
        if (result.timedOut()) {
            throw new IllegalStateException("Command " + command + " did not finish within " + timeout.toMillis()
                    + " ms");
        }
        return new CommandResult(result.exitCode(), result.output());
    }
}
