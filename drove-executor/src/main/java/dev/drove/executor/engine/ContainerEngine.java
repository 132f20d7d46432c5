package dev.drove.executor.engine;

import com.codahale.metrics.MetricRegistry;
import com.codahale.metrics.Timer;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.exception.NotModifiedException;
import com.github.dockerjava.api.model.Container;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The executor's only door to the container engine (Docker, or podman through its Docker API). Every failure is a
 * {@link ContainerEngineException} whose message names the container or image and gives the engine's reason.
 * Requests that target a container that is already gone are no-ops where that is the caller's intent (stop, kill,
 * remove), so cleanup code can call them unconditionally.
 *
 * <p>Lifecycle of one container: {@link #ensureImage} → {@link #create} (config files copied in) → {@link #start} →
 * … → {@link #stop} or {@link #kill} → {@link #remove} → {@link #removeImageIfUnused}.
 *
 * <p>Each call is timed in the metric registry as {@code drove.docker.<call>} (pull, create, start, stop, kill,
 * remove, inspect, exec, list, removeImage), failures included.
 */
@Singleton
@SuppressWarnings("try") // the call timers are closed by try-with-resources and never read inside
public final class ContainerEngine {
    /** Label carrying the instance id; every container the executor starts has it. */
    public static final String INSTANCE_ID_LABEL = "drove.instance.id";
    /** Prefix of the engine call timers. */
    public static final String TIMER_PREFIX = "drove.docker";

    private static final Logger LOG = LoggerFactory.getLogger(ContainerEngine.class);

    private final DockerClients docker;
    private final ExecutorOptions options;
    private final ImageStore images;
    private final ContainerExec execs;
    private final MetricRegistry metrics;

    @Inject
    public ContainerEngine(DockerClients docker, ExecutorOptions options, MetricRegistry metrics) {
        this.docker = docker;
        this.options = options;
        this.images = new ImageStore(docker, options);
        this.execs = new ContainerExec(docker);
        this.metrics = metrics;
    }

    /** An engine whose call timers go to a registry of its own (for tests). */
    public ContainerEngine(DockerClients docker, ExecutorOptions options) {
        this(docker, options, new MetricRegistry());
    }

    /**
     * Pulls the image, waiting at most {@code pullTimeout}. A reference without a tag means {@code latest}. When the
     * pull fails or times out but the image is on this executor, logs a warning and returns: the local copy runs.
     *
     * @throws ContainerEngineException if the pull fails and there is no local copy; the message gives the reason
     */
    public void ensureImage(String image, Duration pullTimeout) {
        try (var timing = timing("pull")) {
            images.ensure(image, pullTimeout);
        }
    }

    /**
     * Creates (does not start) the container and copies the request's files into it. If copying fails, the
     * container is removed again.
     *
     * @return the container id
     * @throws ContainerEngineException e.g. when a container with that name exists or the image is missing
     */
    public String create(ContainerRequest request) {
        try (var timing = timing("create")) {
            return createAndCopy(request);
        }
    }

    private String createAndCopy(ContainerRequest request) {
        String id;
        try {
            id = CreateContainerMapping.of(docker.commands(), request, options).exec().getId();
        } catch (ConflictException e) {
            throw new ContainerEngineException("Cannot create container " + request.name() + ": "
                    + ContainerEngineException.reasonOf(e), e);
        } catch (NotFoundException e) {
            throw new ContainerEngineException("Cannot create container " + request.name() + ": image "
                    + request.image() + " is not on this executor (" + ContainerEngineException.reasonOf(e) + ")", e);
        } catch (RuntimeException e) {
            throw new ContainerEngineException("Cannot create container " + request.name() + " from "
                    + request.image() + ": " + ContainerEngineException.reasonOf(e), e);
        }
        if (!request.files().isEmpty()) {
            try {
                docker.commands().copyArchiveToContainerCmd(id)
                        .withTarInputStream(new ByteArrayInputStream(TarArchive.of(request.files())))
                        .withRemotePath("/")
                        .exec();
            } catch (RuntimeException e) {
                remove(id);
                throw new ContainerEngineException("Cannot copy " + request.files().keySet() + " into container "
                        + request.name() + ": " + ContainerEngineException.reasonOf(e), e);
            }
        }
        LOG.info("Created container {} ({}) from {}", request.name(), shortId(id), request.image());
        return id;
    }

    /** Starts a created container; starting a running one does nothing. */
    public void start(String id) {
        try (var timing = timing("start")) {
            docker.commands().startContainerCmd(id).exec();
            LOG.info("Started container {}", shortId(id));
        } catch (NotModifiedException alreadyRunning) {
            LOG.debug("Container {} was already running", shortId(id));
        } catch (RuntimeException e) {
            throw new ContainerEngineException("Cannot start container " + shortId(id) + ": "
                    + ContainerEngineException.reasonOf(e), e);
        }
    }

    /** Sends SIGTERM and, after {@code grace}, SIGKILL; returns when the container has stopped. Gone = done. */
    public void stop(String id, Duration grace) {
        try (var timing = timing("stop")) {
            docker.streams().stopContainerCmd(id).withTimeout((int) Math.max(0, grace.toSeconds())).exec();
            LOG.info("Stopped container {}", shortId(id));
        } catch (NotModifiedException | NotFoundException alreadyStopped) {
            LOG.debug("Container {} was not running", shortId(id));
        } catch (RuntimeException e) {
            throw new ContainerEngineException("Cannot stop container " + shortId(id) + ": "
                    + ContainerEngineException.reasonOf(e), e);
        }
    }

    /** Sends SIGKILL; a stopped or missing container is left as it is. */
    public void kill(String id) {
        try (var timing = timing("kill")) {
            docker.commands().killContainerCmd(id).exec();
            LOG.info("Killed container {}", shortId(id));
        } catch (ConflictException | NotFoundException notRunning) {
            LOG.debug("Container {} was not running: {}", shortId(id), ContainerEngineException.reasonOf(notRunning));
        } catch (RuntimeException e) {
            throw new ContainerEngineException("Cannot kill container " + shortId(id) + ": "
                    + ContainerEngineException.reasonOf(e), e);
        }
    }

    /** Removes the container with its anonymous volumes, killing it if it runs; a missing container is fine. */
    public void remove(String id) {
        try (var timing = timing("remove")) {
            docker.commands().removeContainerCmd(id).withForce(true).withRemoveVolumes(true).exec();
            LOG.info("Removed container {}", shortId(id));
        } catch (NotFoundException gone) {
            LOG.debug("Container {} was already removed", shortId(id));
        } catch (ConflictException inProgress) {
            LOG.debug("Container {} is already being removed", shortId(id));
        } catch (RuntimeException e) {
            throw new ContainerEngineException("Cannot remove container " + shortId(id) + ": "
                    + ContainerEngineException.reasonOf(e), e);
        }
    }

    /** The engine's view of the container (id or name), or empty if there is no such container. */
    public Optional<InspectContainerResponse> inspect(String id) {
        try (var timing = timing("inspect")) {
            return Optional.of(docker.commands().inspectContainerCmd(id).exec());
        } catch (NotFoundException e) {
            return Optional.empty();
        } catch (RuntimeException e) {
            throw new ContainerEngineException("Cannot inspect container " + shortId(id) + ": "
                    + ContainerEngineException.reasonOf(e), e);
        }
    }

    /** Whether the container exists and runs. */
    public boolean isRunning(String id) {
        return inspect(id).map(container -> Boolean.TRUE.equals(container.getState().getRunning())).orElse(false);
    }

    /** The exit code of a container that ran and stopped; empty while it runs, if it never started or is gone. */
    public OptionalInt exitCode(String id) {
        return inspect(id)
                .map(InspectContainerResponse::getState)
                .filter(state -> !Boolean.TRUE.equals(state.getRunning()) && !"created".equals(state.getStatus())
                        && state.getExitCodeLong() != null)
                .map(state -> OptionalInt.of(state.getExitCodeLong().intValue()))
                .orElse(OptionalInt.empty());
    }

    /**
     * Runs a command in a running container and waits at most {@code timeout} for it.
     *
     * @param shellDisabled false: {@code sh -c command}; true: the command split on whitespace, run directly
     * @throws ContainerEngineException if the container is gone or not running
     */
    public ExecResult exec(String id, String command, boolean shellDisabled, Duration timeout) {
        try (var timing = timing("exec")) {
            return execs.run(id, command, shellDisabled, timeout);
        }
    }

    /** Every container carrying {@value #INSTANCE_ID_LABEL}, running or exited, with its labels. */
    public List<ManagedContainer> listManaged() {
        try (var timing = timing("list")) {
            return docker.commands().listContainersCmd().withShowAll(true)
                    .withLabelFilter(List.of(INSTANCE_ID_LABEL)).exec().stream()
                    .map(ContainerEngine::managed)
                    .toList();
        } catch (RuntimeException e) {
            throw new ContainerEngineException("Cannot list the executor's containers: "
                    + ContainerEngineException.reasonOf(e), e);
        }
    }

    /**
     * Removes the image when no container, running or exited, uses it, unless {@code options.cacheImages}. Never
     * throws: an image that cannot be removed now is logged and kept.
     *
     * @return whether the image was removed
     */
    public boolean removeImageIfUnused(String image) {
        try (var timing = timing("removeImage")) {
            return images.removeIfUnused(image);
        }
    }

    private static ManagedContainer managed(Container container) {
        String[] names = container.getNames();
        String name = names == null || names.length == 0 ? container.getId() : names[0].replaceFirst("^/", "");
        return new ManagedContainer(container.getId(), name, container.getImage(), container.getState(),
                container.getLabels());
    }

    private Timer.Context timing(String call) {
        return metrics.timer(MetricRegistry.name(TIMER_PREFIX, call)).time();
    }

    static String shortId(String id) {
        return id != null && id.length() > 12 && id.matches("[0-9a-f]+") ? id.substring(0, 12) : id;
    }
}
