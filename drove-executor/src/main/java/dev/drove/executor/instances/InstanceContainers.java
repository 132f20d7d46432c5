package dev.drove.executor.instances;

import dev.drove.executor.engine.ContainerEngine;
import dev.drove.executor.engine.ContainerRequest;
import dev.drove.executor.engine.DockerClients;
import dev.drove.executor.logs.ContainerLogFollower;
import dev.drove.executor.topology.ResourceBook;
import jakarta.inject.Inject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;

/**
 * The container work the steps of both machines share: pull, create and start with the output followed, stop, and
 * clean up (remove the container, the image unless images are cached, release the cores and memory).
 */
final class InstanceContainers {
    /** SIGTERM → SIGKILL grace of {@code docker stop}, the engine's usual default. */
    static final Duration STOP_GRACE = Duration.ofSeconds(10);

    private static final Logger LOG = LoggerFactory.getLogger(InstanceContainers.class);

    private final ContainerEngine engine;
    private final DockerClients docker;
    private final ResourceBook resources;

    @Inject
    InstanceContainers(ContainerEngine engine, DockerClients docker, ResourceBook resources) {
        this.engine = engine;
        this.docker = docker;
        this.resources = resources;
    }

    ContainerEngine engine() {
        return engine;
    }

    /** Pulls the instance's image within its pull timeout; a failed pull of a local image runs the local copy. */
    void pull(TrackedInstance<?> instance) {
        engine.ensureImage(instance.image(), instance.pullTimeout());
    }

    /** Creates the container (remembering its id at once, so its events are recognised), starts it, follows it. */
    void createAndStart(TrackedInstance<?> instance, ContainerRequest request) {
        instance.containerId(engine.create(request));
        engine.start(instance.containerId());
        follow(instance, ContainerLogFollower.Start.FROM_CONTAINER_START);
    }

    /** Files the container's output under the instance's log id; a failure only costs the log, not the instance. */
    void follow(TrackedInstance<?> instance, ContainerLogFollower.Start start) {
        try {
            instance.logs(ContainerLogFollower.follow(docker, instance.containerId(), instance.logId(), start));
        } catch (RuntimeException e) {
            LOG.warn("Cannot follow the output of {}: {}", instance.describe(), e.getMessage());
        }
    }

    /**
     * Follows the container's output again after the engine was unreachable: from {@code since}, the start of the
     * outage, unless the old stream survived. A failure only costs the log.
     */
    void followAgain(TrackedInstance<?> instance, Instant since) {
        ContainerLogFollower current = instance.logs();
        if (current != null && !current.hasEnded()) {
            return;
        }
        instance.closeLogs();
        try {
            instance.logs(ContainerLogFollower.resume(docker, instance.containerId(), instance.logId(), since));
        } catch (RuntimeException e) {
            LOG.warn("Cannot follow the output of {} again: {}", instance.describe(), e.getMessage());
        }
    }

    /** Stops the container gracefully if it runs; its death is expected from here on. */
    void stop(TrackedInstance<?> instance) {
        instance.expectExit();
        if (instance.containerId() != null) {
            engine.stop(instance.containerId(), STOP_GRACE);
        }
    }

    /**
     * Removes the container (killing it if it still runs), then its image unless images are cached or another
     * container uses it, and releases the instance's cores and memory. Each part is attempted even if one before
     * failed; the first failure is rethrown at the end.
     */
    void cleanUp(TrackedInstance<?> instance) {
        instance.expectExit();
        RuntimeException failure = null;
        if (instance.containerId() != null) {
            try {
                engine.remove(instance.containerId());
            } catch (RuntimeException e) {
                failure = e;
            }
            instance.closeLogs();
        }
        engine.removeImageIfUnused(instance.image());
        resources.release(instance.instanceId());
        if (failure != null) {
            throw failure;
        }
    }
}
