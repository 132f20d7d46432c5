package dev.drove.executor.engine;

import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Frame;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/** Runs commands inside running containers ({@code docker exec}) for CMD checks and pre-shutdown hooks. */
final class ContainerExec {
    private static final int EXIT_CODE_POLLS = 50;

    private final DockerClients docker;

    ContainerExec(DockerClients docker) {
        this.docker = docker;
    }

    /** See {@link ContainerEngine#exec(String, String, boolean, Duration)}. */
    ExecResult run(String containerId, String command, boolean shellDisabled, Duration timeout) {
        List<String> argv = argv(command, shellDisabled);
        String execId = create(containerId, argv);
        Output output = new Output();
        try (output) {
            docker.streams().execStartCmd(execId).exec(output);
            if (!output.awaitCompletion(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                return new ExecResult(-1, output.text(), true);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ContainerEngineException("Interrupted while running " + argv + " in " + containerId, e);
        } catch (IOException e) {
            // Closing the output stream failed; what it collected is complete.
        } catch (RuntimeException e) {
            throw new ContainerEngineException("Could not run " + argv + " in container " + containerId + ": "
                    + ContainerEngineException.reasonOf(e), e);
        }
        return new ExecResult(exitCode(execId), output.text(), false);
    }

    /** With a shell: {@code sh -c command}; without: the command split on whitespace (drove-contract.md §2.3). */
    static List<String> argv(String command, boolean shellDisabled) {
        if (command == null || command.isBlank()) {
            throw new IllegalArgumentException("A command to run in a container must not be empty");
        }
        return shellDisabled ? Arrays.asList(command.strip().split("\\s+")) : List.of("sh", "-c", command);
    }

    private String create(String containerId, List<String> argv) {
        try {
            return docker.commands().execCreateCmd(containerId)
                    .withCmd(argv.toArray(String[]::new))
                    .withAttachStdout(true)
                    .withAttachStderr(true)
                    .exec()
                    .getId();
        } catch (NotFoundException | ConflictException e) {
            throw new ContainerEngineException("Cannot run " + argv + " in container " + containerId + ": "
                    + ContainerEngineException.reasonOf(e), e);
        }
    }

    /** The engine may record the exit code a moment after the output stream closes. */
    private int exitCode(String execId) {
        for (int poll = 0; poll < EXIT_CODE_POLLS; poll++) {
            var exec = docker.commands().inspectExecCmd(execId).exec();
            if (exec.getExitCodeLong() != null && !Boolean.TRUE.equals(exec.isRunning())) {
                return exec.getExitCodeLong().intValue();
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
        }
        return -1;
    }

    /** Collects stdout and stderr, up to {@link ExecResult#MAX_OUTPUT_CHARS}. */
    private static final class Output extends ResultCallback.Adapter<Frame> {
        private final StringBuilder text = new StringBuilder();

        @Override
        public void onNext(Frame frame) {
            synchronized (text) {
                int room = ExecResult.MAX_OUTPUT_CHARS - text.length();
                if (room > 0) {
                    String chunk = new String(frame.getPayload(), StandardCharsets.UTF_8);
                    text.append(chunk, 0, Math.min(room, chunk.length()));
                }
            }
        }

        String text() {
            synchronized (text) {
                return text.toString();
            }
        }
    }
}
