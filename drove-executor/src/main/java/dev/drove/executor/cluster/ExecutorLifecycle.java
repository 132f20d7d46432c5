package dev.drove.executor.cluster;

import dev.drove.common.discovery.LeaderObserver;
import dev.drove.common.discovery.NodeDataStore;
import dev.drove.executor.engine.ContainerEvents;
import dev.drove.executor.engine.EngineWatch;
import dev.drove.executor.instances.InstanceListener;
import dev.drove.executor.instances.Instances;
import io.dropwizard.lifecycle.Managed;
import jakarta.inject.Inject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts and stops the executor's moving parts in the one order that loses nothing: container events first (so a
 * death during recovery is seen), reporting wired before recovery (so adopted instances' states reach the leader),
 * then node data and the snapshots that admit this executor to the leader, and last the engine watch that holds and
 * resynchronises the instances across a container engine restart ({@link EngineResync}). On stop the instance machines are
 * detached and the containers keep running, for the next start to adopt.
 */
public final class ExecutorLifecycle implements Managed {
    private static final Logger LOG = LoggerFactory.getLogger(ExecutorLifecycle.class);

    private final ContainerEvents events;
    private final Instances instances;
    private final InstanceListener reporting;
    private final StateReporter reporter;
    private final LeaderObserver leaders;
    private final NodePublisher publisher;
    private final StartupRecovery recovery;
    private final ExecutorEndpoint endpoint;
    private final RunawayReaper reaper;
    private final NodeDataStore nodes;
    private final EngineWatch engineWatch;
    private final EngineResync engineResync;

    @Inject
    public ExecutorLifecycle(ContainerEvents events, Instances instances, InstanceListener reporting,
                             StateReporter reporter, LeaderObserver leaders, NodePublisher publisher,
                             StartupRecovery recovery, ExecutorEndpoint endpoint,
                             RunawayReaper reaper, NodeDataStore nodes, EngineWatch engineWatch,
                             EngineResync engineResync) {
        this.events = events;
        this.instances = instances;
        this.reporting = reporting;
        this.reporter = reporter;
        this.leaders = leaders;
        this.publisher = publisher;
        this.recovery = recovery;
        this.endpoint = endpoint;
        this.reaper = reaper;
        this.nodes = nodes;
        this.engineWatch = engineWatch;
        this.engineResync = engineResync;
    }

    @Override
    public void start() throws Exception {
        events.start();
        instances.addListener(reporting);
        leaders.start();
        reporter.start();
        recovery.recover();
        publisher.start();
        reporter.startSnapshots(); // the leader admits this executor on its first authenticated message
        reaper.start();
        engineWatch.addListener(engineResync);
        engineWatch.start(); // engine restarts: hold the instances, then resynchronise
        LOG.info("Executor {} ({}:{}) is up", endpoint.executorId(), endpoint.hostname(), endpoint.port());
    }

    @Override
    public void stop() throws Exception {
        LOG.info("Executor {} is stopping; its containers keep running and will be adopted at the next start",
                endpoint.executorId());
        engineWatch.stop();
        reaper.stop();
        instances.detach();
        publisher.stop();
        nodes.close();
        reporter.stop();
        leaders.close();
        events.stop();
    }
}
