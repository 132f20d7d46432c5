package dev.drove.executor.checks;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Frame;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** {@link ContainerCommands} straight over docker-java, for tests against real containers. */
final class DockerCommands implements ContainerCommands {
    private final DockerClient docker;

    DockerCommands(DockerClient docker) {
        this.docker = docker;
    }

    @Override
    public CommandResult exec(String containerId, List<String> command, Duration timeout) {
        String execId = docker.execCreateCmd(containerId).withCmd(command.toArray(String[]::new))
                .withAttachStdout(true).withAttachStderr(true).exec().getId();
        StringBuilder output = new StringBuilder();
        try (var callback = docker.execStartCmd(execId).exec(new ResultCallback.Adapter<Frame>() {
            @Override
            public void onNext(Frame frame) {
                synchronized (output) {
                    output.append(new String(frame.getPayload(), StandardCharsets.UTF_8));
                }
            }
        })) {
            if (!callback.awaitCompletion(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException("timed out after " + timeout.toMillis() + " ms");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        Long exitCode = docker.inspectExecCmd(execId).exec().getExitCodeLong();
        synchronized (output) {
            return new CommandResult(exitCode == null ? -1 : exitCode.intValue(), output.toString());
        }
    }
}
