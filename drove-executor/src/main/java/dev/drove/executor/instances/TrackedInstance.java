package dev.drove.executor.instances;

import dev.drove.common.messages.InstanceSpec;
import dev.drove.executor.checks.StopSignal;
import dev.drove.executor.logs.ContainerLogFollower;
import dev.drove.executor.logs.InstanceLogId;
import dev.drove.models.application.JobType;
import dev.drove.models.application.executable.DockerCoordinates;
import dev.drove.models.application.executable.ExecutableCoordinates;

import java.time.Duration;
import java.util.Date;
import java.util.OptionalInt;

/**
 * One instance this executor runs, as its state machine sees it: the spec, the current state and error, its
 * container, and what happened to it from outside (a stop request, the container dying).
 *
 * <p>Only the instance's own thread changes the state ({@link #apply}); other threads read it and raise events
 * ({@link #requestStop}, {@link #containerDied}). Either event trips {@link #signal()}, which ends every wait of the
 * current step at once; {@link #isStopRequested()} and {@link #exitedOnItsOwn()} tell them apart.
 */
abstract class TrackedInstance<S extends Enum<S>> {
    private final InstanceSpec spec;
    private final ExecutorIdentity executor;
    private final boolean recovered;
    private final Date created;
    private final StopSignal signal = new StopSignal();
    private volatile boolean stopRequested;
    private volatile boolean expectingExit;
    private volatile Integer exitCode;
    private volatile boolean outOfMemory;
    private volatile boolean vanished;
    private volatile String containerId;
    private volatile ContainerLogFollower logs;
    private S state;
    private String errorMessage = "";
    private Date updated;

    TrackedInstance(InstanceSpec spec, ExecutorIdentity executor, S initial, Date created, boolean recovered) {
        this.spec = spec;
        this.executor = executor;
        this.state = initial;
        this.created = created;
        this.updated = created;
        this.recovered = recovered;
    }

    String instanceId() {
        return spec.instanceId();
    }

    InstanceSpec spec() {
        return spec;
    }

    ExecutorIdentity executor() {
        return executor;
    }

    /** True when the executor adopted a running container after a restart: checks skip their initial delay. */
    boolean isRecovered() {
        return recovered;
    }

    Date created() {
        return created;
    }

    synchronized S state() {
        return state;
    }

    synchronized String errorMessage() {
        return errorMessage;
    }

    synchronized Date updated() {
        return updated;
    }

    /** Takes the move: new state, {@code updated} now, and the move's error if it has one. */
    synchronized void apply(Move<S> move) {
        state = move.to();
        updated = new Date();
        if (move.error() != null) {
            errorMessage = move.error();
        }
    }

    /** "Instance AI-… of TEST_APP-1": how log lines name this instance. */
    abstract String describe();

    /** The container label {@code drove.job.type}. */
    abstract JobType jobType();

    /** The container's name (contract §3). */
    abstract String containerName();

    /** Where the container's output is filed ({@code first:second}). */
    abstract InstanceLogId logId();

    /** Tells the listener the current info. */
    abstract void report(InstanceListener listener);

    /** The current info, for the {@code drove.instance.info} label. */
    abstract Object info();

    /** The image reference of the spec's executable. */
    String image() {
        return docker(spec.executable()).url();
    }

    /** How long pulling the image may take. */
    Duration pullTimeout() {
        return docker(spec.executable()).dockerPullTimeout().toJavaDuration();
    }

    private static DockerCoordinates docker(ExecutableCoordinates executable) {
        if (executable instanceof DockerCoordinates docker) {
            return docker;
        }
        throw new IllegalArgumentException("No container engine runs executables of kind " + executable);
    }

    /** Trips when a stop is requested or the container dies by itself. */
    StopSignal signal() {
        return signal;
    }

    /** Asks the instance to stop: the current step ends its waits and the machine heads for its stop path. */
    void requestStop() {
        stopRequested = true;
        signal.trip();
    }

    boolean isStopRequested() {
        return stopRequested;
    }

    /** From now on the container is being stopped by the executor, so its death is no surprise. */
    void expectExit() {
        expectingExit = true;
    }

    /** The engine reported the container's main process ended; ignored once the executor is stopping it. */
    void containerDied(OptionalInt code) {
        if (expectingExit) {
            return;
        }
        exitCode = code.orElse(-1);
        signal.trip();
    }

    /**
     * The container is gone (removed, or the engine lost it) and nobody asked for that: the instance heads for its
     * stop path as if the container had died; ignored once the executor is stopping it.
     */
    void containerVanished() {
        if (expectingExit) {
            return;
        }
        vanished = true;
        containerDied(OptionalInt.of(-1));
    }

    /** The kernel killed a process of the container for exceeding its memory limit. */
    void ranOutOfMemory() {
        outOfMemory = true;
    }

    /** The exit code, when the container died without the executor stopping it. */
    OptionalInt exitedOnItsOwn() {
        Integer code = exitCode;
        return code == null ? OptionalInt.empty() : OptionalInt.of(code);
    }

    /** "Container exited unexpectedly with code 137", naming an out-of-memory kill when there was one. */
    String unexpectedExitMessage() {
        if (vanished) {
            return "Container " + containerId + " disappeared from the container engine";
        }
        return "Container exited unexpectedly with code " + exitedOnItsOwn().orElse(-1)
                + (outOfMemory ? " after running out of memory" : "");
    }

    /** Whether the executor is stopping the container (its death is expected). */
    boolean isExpectingExit() {
        return expectingExit;
    }

    String containerId() {
        return containerId;
    }

    void containerId(String id) {
        containerId = id;
    }

    ContainerLogFollower logs() {
        return logs;
    }

    void logs(ContainerLogFollower follower) {
        logs = follower;
    }

    /** Stops following the container's output, if it is followed. */
    void closeLogs() {
        ContainerLogFollower follower = logs;
        if (follower != null) {
            follower.close();
        }
    }
}
