package dev.drove.executor.checks;

/**
 * How a command run in a container ended.
 *
 * @param exitCode the command's exit status; 0 means success
 * @param output   what it printed on stdout and stderr, possibly empty, never null
 */
public record CommandResult(int exitCode, String output) {
    public CommandResult {
        output = output == null ? "" : output;
    }
}
