package dev.drove.common.testkit;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.WaitContainerResultCallback;
import com.github.dockerjava.api.model.Frame;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** A started kit container: its id, the loopback host ports of its published ports, its logs and exit. */
public final class RunningContainer {
    private final DockerClient docker;
    private final String id;
    private final Map<Integer, Integer> hostPorts;

    RunningContainer(DockerClient docker, String id, Map<Integer, Integer> hostPorts) {
        this.docker = docker;
        this.id = id;
        this.hostPorts = Map.copyOf(hostPorts);
    }

    public String id() {
        return id;
    }

    /** The port on 127.0.0.1 that forwards to {@code containerPort}; it must have been published. */
    public int hostPort(int containerPort) {
        Integer port = hostPorts.get(containerPort);
        if (port == null) {
            throw new IllegalArgumentException("Port " + containerPort + " of " + id + " was not published; published: "
                    + hostPorts.keySet());
        }
        return port;
    }

    /** {@code http://127.0.0.1:<host port><pathAndQuery>}, e.g. {@code uri(8000, "/cgi-bin/flip?fail")}. */
    public URI uri(int containerPort, String pathAndQuery) {
        return URI.create("http://127.0.0.1:" + hostPort(containerPort) + pathAndQuery);
    }

    /** Everything the container wrote to stdout and stderr so far. */
    public String logs() {
        StringBuilder text = new StringBuilder();
        try {
            docker.logContainerCmd(id).withStdOut(true).withStdErr(true).withTailAll()
                    .exec(new ResultCallback.Adapter<Frame>() {
                        @Override
                        public void onNext(Frame frame) {
                            text.append(new String(frame.getPayload(), StandardCharsets.UTF_8));
                        }
                    })
                    .awaitCompletion(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while reading the logs of " + id, e);
        }
        return text.toString();
    }

    /** Waits until the container exits and returns its exit code. */
    public int awaitExit(Duration timeout) {
        return docker.waitContainerCmd(id).exec(new WaitContainerResultCallback())
                .awaitStatusCode(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Runs a command inside the container (docker exec) and waits for it. */
    public ExecResult exec(String... command) {
        String execId = docker.execCreateCmd(id).withCmd(command).withAttachStdout(true).withAttachStderr(true)
                .exec().getId();
        StringBuilder output = new StringBuilder();
        try {
            docker.execStartCmd(execId).exec(new ResultCallback.Adapter<Frame>() {
                @Override
                public void onNext(Frame frame) {
                    output.append(new String(frame.getPayload(), StandardCharsets.UTF_8));
                }
            }).awaitCompletion(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while running " + String.join(" ", command) + " in " + id, e);
        }
        Long exitCode = docker.inspectExecCmd(execId).exec().getExitCodeLong();
        return new ExecResult(exitCode == null ? -1 : exitCode.intValue(), output.toString());
    }

    /** What a {@link #exec} printed and its exit code (-1 if the engine did not report one). */
    public record ExecResult(int exitCode, String output) {
    }

    @Override
    public String toString() {
        return "container " + id + " " + hostPorts;
    }
}
