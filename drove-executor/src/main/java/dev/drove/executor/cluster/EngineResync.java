package dev.drove.executor.cluster;

import dev.drove.executor.engine.ContainerEngine;
import dev.drove.executor.engine.EngineWatch;
import dev.drove.executor.engine.ManagedContainer;
import dev.drove.executor.instances.ContainerLabels;
import dev.drove.executor.instances.Instances;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * What the executor does when its container engine stops answering and starts again (docs/high-availability.md,
 * "Container engine restarts"). With live-restore the containers keep running through an engine restart, so:
 * <pre>
 * engine unreachable ──▶ WARN "Docker engine unreachable at …; keeping N instances as they are"
 *                        (instances hold: failed engine calls and checks are not taken as deaths)
 * engine answers     ──▶ list this executor's containers ──▶ Instances.resynchronise (running: carry on, output
 *                        followed again; exited or gone: the usual stop path, the controller replaces them)
 *                    ──▶ a fresh EXECUTOR_SNAPSHOT to the leader ──▶ INFO with the counts
 * </pre>
 * The container events stream reopens by itself ({@code ContainerEvents}); containers of this executor that no
 * instance tracks are left to the {@link RunawayReaper}.
 */
public final class EngineResync implements EngineWatch.Listener {
    private static final Logger LOG = LoggerFactory.getLogger(EngineResync.class);

    private final ContainerEngine engine;
    private final Instances instances;
    private final StateReporter reporter;
    private final String executorId;
    private volatile Instant since = Instant.now();

    public EngineResync(ContainerEngine engine, Instances instances, StateReporter reporter, String executorId) {
        this.engine = engine;
        this.instances = instances;
        this.reporter = reporter;
        this.executorId = executorId;
    }

    @Override
    public void engineUnreachable(String host, String reason) {
        since = Instant.now();
        LOG.warn("Docker engine unreachable at {} ({}); keeping {} instances as they are until it answers again "
                + "(containers keep running with live-restore)", host, reason, instances.count());
    }

    /** Throws (keeping the outage open) when the engine cannot list the containers yet. */
    @Override
    public void engineAnswersAgain(String host, Duration outage) {
        LOG.info("Docker engine at {} answers again after {} s; resynchronising {} instances", host,
                outage.toSeconds(), instances.count());
        List<ManagedContainer> ours = engine.listManaged().stream()
                .filter(container -> {
                    String owner = container.labels().get(ContainerLabels.EXECUTOR_ID);
                    return owner == null || owner.equals(executorId);
                })
                .toList();
        Instances.Resync resync = instances.resynchronise(ours, since);
        reporter.snapshotNow();
        LOG.info("Resynchronised with the Docker engine at {}: {} instances carry on, {} ended while it was "
                + "unreachable and stop now (the controller replaces them)", host, resync.carryingOn(),
                resync.ended());
    }
}
