package dev.drove.executor.hollow;

import dev.drove.common.discovery.LeaderObserver;
import dev.drove.common.discovery.NodeDataStore;
import dev.drove.common.messages.ControllerMessage;
import dev.drove.common.messages.ExecutorMessage;
import dev.drove.common.messages.MessageResponse;
import dev.drove.common.messages.MessageSender;
import dev.drove.executor.api.ExecutorMessagesResource;
import dev.drove.executor.cluster.ClusterModule;
import dev.drove.executor.cluster.ExecutorEndpoint;
import dev.drove.executor.cluster.ExecutorStatus;
import dev.drove.executor.cluster.NodePublisher;
import dev.drove.executor.cluster.StateReporter;
import dev.drove.executor.instances.Instances;
import dev.drove.executor.instances.SimulatedInstances;
import dev.drove.executor.topology.ResourceBook;
import dev.drove.models.info.nodedata.ExecutorNodeData;
import org.apache.curator.framework.CuratorFramework;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * One hollow executor: the real executor's cluster side (node data, state reports, snapshots, the message resource,
 * the resource book and the instance registry) over simulated instance steps. Its ZooKeeper session, leader observer
 * and HTTP client are shared with the other executors of its {@link HollowFleet}; the fleet's server routes messages
 * to {@link #receive}.
 */
public final class HollowExecutor {
    private final ExecutorEndpoint endpoint;
    private final Instances instances;
    private final NodeDataStore store;
    private final NodePublisher publisher;
    private final StateReporter reporter;
    private final ExecutorMessagesResource messages;

    /**
     * @param curator       a started ZooKeeper client (its session owns this executor's ephemeral entry)
     * @param leaders       a started observer of the leader controller
     * @param sender        sends reports with the executor secret
     * @param publishPeriod how often node data and snapshots go out when nothing changes (a real executor: 20 s)
     */
    public HollowExecutor(ExecutorEndpoint endpoint, HollowShape shape, SimulatedInstances.Pace pace,
                          CuratorFramework curator, LeaderObserver leaders, MessageSender sender,
                          Duration publishPeriod) {
        this.endpoint = endpoint;
        var offer = shape.offer(endpoint.hostname());
        var book = new ResourceBook(endpoint.executorId(), offer);
        var status = new ExecutorStatus();
        this.instances = SimulatedInstances.create(endpoint.identity(), book, pace);
        this.store = new NodeDataStore(curator);
        Supplier<ExecutorNodeData> nodeData = () -> ClusterModule.nodeData(endpoint, instances, book, offer, status);
        this.publisher = new NodePublisher(store, nodeData, publishPeriod);
        this.reporter = new StateReporter(leaders, sender, () -> ControllerMessage.executorSnapshot(nodeData.get()),
                publishPeriod);
        this.messages = new ExecutorMessagesResource(instances, status, publisher);
        instances.addListener(ClusterModule.reporting(reporter, publisher, book));
    }

    public ExecutorEndpoint endpoint() {
        return endpoint;
    }

    /** Starts reporting, publishes the node data and sends the first snapshot, in a real executor's order. */
    public void start() {
        reporter.start();
        publisher.start();
        reporter.startSnapshots();
    }

    /** Handles one message from the controller, exactly as a real executor's resource does. */
    public MessageResponse receive(ExecutorMessage message) {
        return messages.receive(message);
    }

    /** The registry of this executor's (simulated) instances. */
    public Instances instances() {
        return instances;
    }

    /** Reports not yet delivered to the leader. */
    public int pendingReports() {
        return reporter.pending();
    }

    /**
     * Stops as a real executor does (instances detached, nothing more reported), removing the ZooKeeper entry when
     * {@code leave} (a fleet that closes its session skips that: the session's end removes every entry at once).
     */
    public void stop(boolean leave) throws InterruptedException {
        instances.detach();
        publisher.stop();
        if (leave) {
            store.close();
        }
        reporter.stop();
    }
}
