package dev.drove.executor.checks;

import java.time.Duration;
import java.util.List;

/**
 * Runs a command inside a running container, as {@code docker exec} does. CMD checks and CMD pre-shutdown hooks use
 * it; the container engine implements it.
 */
public interface ContainerCommands {

    /**
     * Runs {@code command} (the program and its arguments, no shell added) in the container and waits for it.
     *
     * @param timeout how long the command may run; the implementation gives up after it
     * @return the exit code and what the command printed (stdout and stderr)
     * @throws RuntimeException when the command cannot be started or does not finish within {@code timeout}; the
     *                          message says which, and checkers report it as the failure
     */
    CommandResult exec(String containerId, List<String> command, Duration timeout);
}
