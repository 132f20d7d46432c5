package dev.drove.executor.engine;

/**
 * What a command run inside a container ({@code docker exec}) did.
 *
 * @param exitCode the command's exit code; -1 if it timed out or the engine reported none
 * @param output   stdout and stderr interleaved, at most {@link #MAX_OUTPUT_CHARS} characters (the start is kept)
 * @param timedOut the command was still running when the timeout passed; it is left to finish on its own, as the
 *                 engine cannot stop an exec
 */
public record ExecResult(int exitCode, String output, boolean timedOut) {
    /** Output beyond this is dropped, so a chatty check cannot fill the executor's memory. */
    public static final int MAX_OUTPUT_CHARS = 64 * 1024;

    public ExecResult {
        output = output == null ? "" : output;
    }

    /** True when the command finished in time with exit code 0. */
    public boolean isSuccess() {
        return !timedOut && exitCode == 0;
    }
}
