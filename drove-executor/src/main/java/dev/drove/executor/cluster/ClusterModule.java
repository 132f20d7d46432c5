package dev.drove.executor.cluster;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import dev.drove.common.auth.ClusterAuthConfig;
import dev.drove.common.discovery.LeaderObserver;
import dev.drove.common.discovery.NodeDataStore;
import dev.drove.common.http.ClusterClientTimeouts;
import dev.drove.common.http.ClusterHttpClient;
import dev.drove.common.http.ClusterTls;
import dev.drove.common.messages.ControllerMessage;
import dev.drove.common.messages.MessageSender;
import dev.drove.executor.engine.ContainerEngine;
import dev.drove.executor.instances.InstanceListener;
import dev.drove.executor.instances.Instances;
import dev.drove.executor.topology.ExecutorResources;
import dev.drove.executor.topology.ResourceBook;
import dev.drove.models.info.nodedata.ExecutorNodeData;
import dev.drove.models.info.nodedata.NodeType;
import dev.drove.models.instance.InstanceInfo;
import dev.drove.models.instance.LocalServiceInstanceInfo;
import dev.drove.models.taskinstance.TaskInfo;
import jakarta.inject.Singleton;
import org.apache.curator.framework.CuratorFramework;

import java.time.Duration;
import java.util.Date;
import java.util.Map;
import java.util.Set;

/**
 * This executor as a cluster member: its identity, ZooKeeper node data, leader discovery, state reports to the
 * leader, and start-up recovery. Every instance state change goes to the reporter and refreshes the node data.
 */
public final class ClusterModule extends AbstractModule {
    /** How often untracked Drove containers are looked for (the original: 60 s); two sightings remove one. */
    static final Duration RUNAWAY_SWEEP = Duration.ofSeconds(60);

    private final ExecutorEndpoint endpoint;
    private final CuratorFramework curator;
    private final ClusterAuthConfig auth;
    private final Duration publishPeriod;

    public ClusterModule(ExecutorEndpoint endpoint, CuratorFramework curator, ClusterAuthConfig auth,
                         Duration publishPeriod) {
        this.endpoint = endpoint;
        this.curator = curator;
        this.auth = auth;
        this.publishPeriod = publishPeriod;
    }

    @Override
    protected void configure() {
        bind(ExecutorEndpoint.class).toInstance(endpoint);
        bind(CuratorFramework.class).toInstance(curator);
        bind(ExecutorStatus.class).in(Singleton.class);
    }

    @Provides
    @Singleton
    ResourceBook resourceBook(ExecutorResources offer) {
        return new ResourceBook(endpoint.executorId(), offer);
    }

    @Provides
    @Singleton
    NodeDataStore nodeDataStore() {
        return new NodeDataStore(curator);
    }

    @Provides
    @Singleton
    LeaderObserver leaderObserver() {
        return new LeaderObserver(curator);
    }

    /** Reports go to the leader with the executor secret, trusting the leader's certificate as clusterTls says. */
    @Provides
    @Singleton
    MessageSender messageSender(ClusterTls tls) {
        return new MessageSender(new ClusterHttpClient(auth.credentials(NodeType.EXECUTOR, endpoint.hostname()),
                ClusterClientTimeouts.DEFAULTS, tls));
    }

    /** Reports, and a snapshot of the node data at start, on a new leader and every publish period. */
    @Provides
    @Singleton
    StateReporter stateReporter(LeaderObserver leaders, MessageSender sender, Instances instances, ResourceBook book,
                                ExecutorResources offer, ExecutorStatus status) {
        return new StateReporter(leaders, sender,
                () -> ControllerMessage.executorSnapshot(nodeData(endpoint, instances, book, offer, status)),
                publishPeriod);
    }

    @Provides
    @Singleton
    NodePublisher nodePublisher(NodeDataStore store, Instances instances, ResourceBook book,
                                ExecutorResources offer, ExecutorStatus status) {
        return new NodePublisher(store, () -> nodeData(endpoint, instances, book, offer, status), publishPeriod);
    }

    /**
     * This executor's node data as it is now: what ZooKeeper and the leader's snapshots carry. Public for the hollow
     * executors of control-plane tests, which publish exactly what a real executor does.
     */
    public static ExecutorNodeData nodeData(ExecutorEndpoint endpoint, Instances instances, ResourceBook book,
                                            ExecutorResources offer, ExecutorStatus status) {
        return new ExecutorNodeData(endpoint.hostname(), endpoint.port(), endpoint.transportType(), new Date(),
                book.snapshot(), instances.instances(), instances.tasks(), instances.serviceInstances(), offer.tags(),
                Map.of(), status.state());
    }

    @Provides
    @Singleton
    StartupRecovery startupRecovery(ContainerEngine engine, Instances instances) {
        return new StartupRecovery(engine, instances, endpoint.executorId());
    }

    @Provides
    @Singleton
    EngineResync engineResync(ContainerEngine engine, Instances instances, StateReporter reporter) {
        return new EngineResync(engine, instances, reporter, endpoint.executorId());
    }

    @Provides
    @Singleton
    RunawayReaper runawayReaper(ContainerEngine engine, Instances instances) {
        return new RunawayReaper(engine, instances, endpoint.executorId(), RUNAWAY_SWEEP);
    }

    @Provides
    @Singleton
    InstanceListener reportingListener(StateReporter reporter, NodePublisher publisher, ResourceBook book) {
        return reporting(reporter, publisher, book);
    }

    /**
     * Sends every state change to the leader with the resources as they are now, and refreshes the node data when
     * the change is a lasting one: resources taken or given back, HEALTHY, RUNNING, a failure. The states an instance
     * only passes through ({@link #PASSING}) reach the leader in the report and ZooKeeper at the next periodic
     * publish, so an instance costs a few node-data writes instead of one per state.
     */
    public static InstanceListener reporting(StateReporter reporter, NodePublisher publisher, ResourceBook book) {
        return new InstanceListener() {
            @Override
            public void instanceChanged(InstanceInfo info) {
                reporter.report(ControllerMessage.instanceStateReport(book.snapshot(), info));
                refresh(publisher, info.state());
            }

            @Override
            public void serviceInstanceChanged(LocalServiceInstanceInfo info) {
                reporter.report(ControllerMessage.localServiceInstanceStateReport(book.snapshot(), info));
                refresh(publisher, info.state());
            }

            @Override
            public void taskChanged(TaskInfo info) {
                reporter.report(ControllerMessage.taskStateReport(book.snapshot(), info));
                refresh(publisher, info.state());
            }
        };
    }

    /** Instance, local service instance and task states (by name) that do not refresh the node data on their own. */
    static final Set<String> PASSING = Set.of("PROVISIONING", "STARTING", "UNREADY", "READY", "STOPPING",
            "DEPROVISIONING", "RUN_COMPLETED");

    private static void refresh(NodePublisher publisher, Enum<?> state) {
        if (state == null || !PASSING.contains(state.name())) {
            publisher.refresh();
        }
    }
}
