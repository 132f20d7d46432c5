package dev.drove.executor.cluster;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.drove.common.auth.ClusterAuthConfig;
import dev.drove.common.discovery.LeaderObserver;
import dev.drove.common.discovery.NodeDataStore;
import dev.drove.common.http.ClusterHttpClient;
import dev.drove.common.messages.ControllerMessage;
import dev.drove.common.messages.ControllerMessageType;
import dev.drove.common.messages.ExecutorSnapshotMessage;
import dev.drove.common.messages.MessageResponse;
import dev.drove.common.messages.MessageSender;
import dev.drove.common.testkit.ZookeeperExtension;
import dev.drove.models.info.nodedata.ControllerNodeData;
import dev.drove.models.info.nodedata.ExecutorNodeData;
import dev.drove.models.info.nodedata.NodeTransportType;
import dev.drove.models.info.nodedata.NodeType;
import dev.drove.models.info.resources.ExecutorResourceSnapshot;
import dev.drove.models.instance.InstanceInfo;
import dev.drove.models.instance.InstanceState;
import dev.drove.models.json.Json;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.test.TestingServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The reporter sends the snapshots that admit this executor to the leader: once started (after recovery), on every
 * new leader at once, and every period; never ahead of a queued report. Fake leaders on loopback, a real ZooKeeper.
 */
@ExtendWith(ZookeeperExtension.class)
class StateReporterTest {
    private static final String EXECUTOR_ID = "executor-under-test";
    private static final Duration A_FEW_SECONDS = Duration.ofSeconds(10);

    private final AtomicInteger snapshotsBuilt = new AtomicInteger();
    private final List<AutoCloseable> closing = new ArrayList<>();
    private LeaderObserver leaders;
    private StateReporter reporter;
    private TestingServer zookeeper;

    @BeforeEach
    void observeLeaders(CuratorFramework curator, TestingServer server) {
        zookeeper = server;
        leaders = new LeaderObserver(curator);
        leaders.start();
    }

    @AfterEach
    void stop() throws Exception {
        if (reporter != null) {
            reporter.stop();
        }
        leaders.close();
        for (var resource : closing) {
            resource.close();
        }
    }

    @Test
    void noSnapshotGoesBeforeSnapshotsStartThenOneAtOnceAndAnotherEveryPeriod() throws Exception {
        var leader = leader();
        reporter = reporter(Duration.ofMillis(300));
        reporter.start();

        await().during(Duration.ofMillis(800)).atMost(A_FEW_SECONDS).until(() -> leader.snapshots().isEmpty());
        reporter.startSnapshots();

        await().atMost(A_FEW_SECONDS).until(() -> leader.snapshots().size() >= 1);
        await().atMost(A_FEW_SECONDS).until(() -> leader.snapshots().size() >= 4);
        assertThat(leader.snapshots()).allSatisfy(message -> assertThat(message.type())
                .isEqualTo(ControllerMessageType.EXECUTOR_SNAPSHOT));
    }

    @Test
    void aNewLeaderGetsASnapshotAtOnceEvenWithinALongPeriod() throws Exception {
        var first = leader();
        reporter = reporter(Duration.ofHours(1));
        reporter.start();
        reporter.startSnapshots();
        await().atMost(A_FEW_SECONDS).until(() -> first.snapshots().size() == 1);

        first.resign();
        var second = leader();

        await().atMost(A_FEW_SECONDS).until(() -> second.snapshots().size() == 1);
        assertThat(first.snapshots()).hasSize(1);
    }

    @Test
    void aSnapshotNeverOvertakesAQueuedReport() throws Exception {
        reporter = reporter(Duration.ofHours(1));
        reporter.start();
        reporter.startSnapshots();
        reporter.report(report("AI-1"));
        reporter.report(report("AI-2"));

        var leader = leader();

        await().atMost(A_FEW_SECONDS).until(() -> leader.received().size() == 3);
        assertThat(leader.received()).extracting(ControllerMessage::type).containsExactly(
                ControllerMessageType.INSTANCE_STATE_REPORT, ControllerMessageType.INSTANCE_STATE_REPORT,
                ControllerMessageType.EXECUTOR_SNAPSHOT);
    }

    @Test
    void eachSnapshotIsBuiltWhenItIsSentSoItShowsTheExecutorAsItIsThen() throws Exception {
        var leader = leader();
        reporter = reporter(Duration.ofMillis(200));
        reporter.start();
        reporter.startSnapshots();

        await().atMost(A_FEW_SECONDS).until(() -> leader.snapshots().size() >= 2);
        var ports = leader.snapshots().stream()
                .map(message -> ((ExecutorSnapshotMessage) message).nodeData().port())
                .distinct().toList();
        assertThat(ports).hasSizeGreaterThanOrEqualTo(2);
    }

    private StateReporter reporter(Duration period) {
        var sender = new MessageSender(new ClusterHttpClient(ClusterAuthConfig.DEFAULTS.credentials(NodeType.EXECUTOR,
                "executor-under-test")));
        return new StateReporter(leaders, sender, () -> ControllerMessage.executorSnapshot(nodeData(
                snapshotsBuilt.incrementAndGet())), period);
    }

    private FakeLeader leader() throws IOException {
        var leader = new FakeLeader(ZookeeperExtension.newClient(zookeeper.getConnectString()));
        closing.add(leader);
        return leader;
    }

    /** Node data whose port counts the snapshots built, so two snapshots can be told apart. */
    private static ExecutorNodeData nodeData(int serial) {
        return new ExecutorNodeData("127.0.0.1", serial, NodeTransportType.HTTP, new Date(),
                new ExecutorResourceSnapshot(EXECUTOR_ID, null, null, null), List.of(), List.of(), List.of(),
                null, Map.of(), null);
    }

    private static ControllerMessage report(String instanceId) {
        var now = new Date();
        return ControllerMessage.instanceStateReport(new ExecutorResourceSnapshot(EXECUTOR_ID, null, null, null),
                new InstanceInfo("billing-1", "billing", instanceId, EXECUTOR_ID, null, List.of(),
                        InstanceState.HEALTHY, Map.of(), "", now, now));
    }

    /** A controller that leads in ZooKeeper and answers HANDLED to every message, recording it. */
    private static final class FakeLeader implements AutoCloseable {
        private final CuratorFramework curator;
        private final HttpServer server;
        private final NodeDataStore nodes;
        private final List<ControllerMessage> received = new CopyOnWriteArrayList<>();

        FakeLeader(CuratorFramework curator) throws IOException {
            this.curator = curator;
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext(MessageSender.MESSAGES_PATH, this::receive);
            server.start();
            nodes = new NodeDataStore(curator);
            nodes.publish(new ControllerNodeData("127.0.0.1", server.getAddress().getPort(), NodeTransportType.HTTP,
                    new Date(), true));
        }

        List<ControllerMessage> received() {
            return List.copyOf(received);
        }

        List<ControllerMessage> snapshots() {
            return received.stream().filter(m -> m.type() == ControllerMessageType.EXECUTOR_SNAPSHOT).toList();
        }

        void resign() {
            nodes.remove();
        }

        private void receive(HttpExchange exchange) throws IOException {
            try (exchange) {
                var message = Json.mapper().readValue(exchange.getRequestBody(), ControllerMessage.class);
                received.add(message);
                var answer = Json.mapper().writeValueAsBytes(MessageResponse.handled(message));
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, answer.length);
                exchange.getResponseBody().write(answer);
            }
        }

        @Override
        public void close() {
            nodes.close();
            server.stop(0);
            curator.close();
        }
    }
}
