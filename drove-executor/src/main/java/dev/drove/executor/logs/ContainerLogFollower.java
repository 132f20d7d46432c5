package dev.drove.executor.logs;

import ch.qos.logback.classic.ClassicConstants;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.LogContainerCmd;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.StreamType;
import dev.drove.executor.engine.DockerClients;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Streams one container's stdout and stderr into the executor's logging, one event per line, with MDC
 * {@value InstanceLogId#MDC_KEY} set, so the {@code drove} appender files each line under that instance
 * ({@code {logPath}/{first}/{second}/output.log}). Lines are logged at INFO by {@value #OUTPUT_LOGGER}{@code .stdout}
 * and {@code .stderr}.
 *
 * <p>Following ends by itself when the container stops (the engine closes the stream); then a last line marks the
 * end of the instance's log and lets the appender close its file. {@link #close()} stops following early, e.g. when
 * the executor shuts down while the container keeps running; re-attach later with {@link Start#FROM_NOW}.
 */
public final class ContainerLogFollower implements AutoCloseable {
    /** Parent logger of the output lines; configure its level or appenders under this name. */
    public static final String OUTPUT_LOGGER = "dev.drove.executor.logs.output";
    /** A line longer than this is logged in pieces, so a container without newlines cannot fill memory. */
    static final int MAX_LINE_BYTES = 64 * 1024;

    private static final Logger LOG = LoggerFactory.getLogger(ContainerLogFollower.class);
    private static final Logger STDOUT = LoggerFactory.getLogger(OUTPUT_LOGGER + ".stdout");
    private static final Logger STDERR = LoggerFactory.getLogger(OUTPUT_LOGGER + ".stderr");

    /** Where in the container's output to begin. */
    public enum Start {
        /** Everything since the container started: for a container the executor just started. */
        FROM_CONTAINER_START,
        /** Only new lines (tail 0): when re-attaching to a running container after an executor restart. */
        FROM_NOW
    }

    private final String containerId;
    private final InstanceLogId logId;
    private final Lines lines = new Lines();
    private volatile boolean closed;
    private volatile boolean ended;

    private ContainerLogFollower(String containerId, InstanceLogId logId) {
        this.containerId = containerId;
        this.logId = logId;
    }

    /** Starts following in the background and returns at once. */
    public static ContainerLogFollower follow(DockerClients docker, String containerId, InstanceLogId logId,
                                              Start start) {
        ContainerLogFollower follower = new ContainerLogFollower(containerId, logId);
        LogContainerCmd logs = docker.streams().logContainerCmd(containerId)
                .withFollowStream(true)
                .withStdOut(true)
                .withStdErr(true);
        if (start == Start.FROM_NOW) {
            logs.withTail(0);
        } else {
            logs.withTailAll();
        }
        logs.exec(follower.lines);
        LOG.debug("Following the output of container {} as {}", containerId, logId);
        return follower;
    }

    /**
     * Follows again after the stream broke (the container engine restarted): the lines the container wrote since
     * {@code since} (whole seconds, so a line of that second may be filed twice), then new ones. Returns at once.
     */
    public static ContainerLogFollower resume(DockerClients docker, String containerId, InstanceLogId logId,
                                              Instant since) {
        ContainerLogFollower follower = new ContainerLogFollower(containerId, logId);
        docker.streams().logContainerCmd(containerId)
                .withFollowStream(true)
                .withStdOut(true)
                .withStdErr(true)
                .withSince((int) since.getEpochSecond())
                .exec(follower.lines);
        LOG.debug("Following the output of container {} as {} again, from {}", containerId, logId, since);
        return follower;
    }

    /** Waits until following has ended (container stopped or {@link #close()}); false if it still runs. */
    public boolean awaitEnd(Duration timeout) throws InterruptedException {
        return lines.awaitCompletion(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Stops following; lines the container writes from now on are not logged. */
    @Override
    public void close() {
        closed = true;
        try {
            lines.close();
        } catch (IOException e) {
            LOG.debug("Could not close the log stream of {} cleanly: {}", containerId, e.getMessage());
        }
    }

    private void log(StreamType stream, String line) {
        MDC.put(InstanceLogId.MDC_KEY, logId.toString());
        try {
            (stream == StreamType.STDERR ? STDERR : STDOUT).info("{}", line);
        } finally {
            MDC.remove(InstanceLogId.MDC_KEY);
        }
    }

    /** Whether the stream has ended (the container stopped, or the engine dropped the stream) or was closed. */
    public boolean hasEnded() {
        return ended || closed;
    }

    private void ended(String reason) {
        ended = true;
        lines.flush();
        if (closed) {
            return;
        }
        MDC.put(InstanceLogId.MDC_KEY, logId.toString());
        try {
            LOG.info(ClassicConstants.FINALIZE_SESSION_MARKER, "Output of container {} ended ({})", containerId,
                    reason);
        } finally {
            MDC.remove(InstanceLogId.MDC_KEY);
        }
    }

    /** Splits the frames of each stream into lines; called on the stream's thread only. */
    private final class Lines extends ResultCallback.Adapter<Frame> {
        private final Map<StreamType, ByteArrayOutputStream> partial = new EnumMap<>(StreamType.class);

        @Override
        public void onNext(Frame frame) {
            StreamType stream = frame.getStreamType() == StreamType.STDERR ? StreamType.STDERR : StreamType.STDOUT;
            ByteArrayOutputStream line = partial.computeIfAbsent(stream, any -> new ByteArrayOutputStream());
            for (byte b : frame.getPayload()) {
                if (b == '\n') {
                    emit(stream, line);
                } else {
                    line.write(b);
                    if (line.size() >= MAX_LINE_BYTES) {
                        emit(stream, line);
                    }
                }
            }
        }

        @Override
        public void onComplete() {
            ended("the container stopped");
            super.onComplete();
        }

        @Override
        public void onError(Throwable error) {
            if (!closed) {
                LOG.warn("Lost the output stream of container {} ({}): {}", containerId, logId, error.toString());
            }
            ended("the stream broke");
            try {
                super.close();
            } catch (IOException ignored) {
                // Already ending.
            }
        }

        void flush() {
            partial.forEach((stream, line) -> {
                if (line.size() > 0) {
                    emit(stream, line);
                }
            });
        }

        private void emit(StreamType stream, ByteArrayOutputStream line) {
            String text = line.toString(StandardCharsets.UTF_8);
            line.reset();
            log(stream, text.endsWith("\r") ? text.substring(0, text.length() - 1) : text);
        }
    }
}
