package dev.drove.common.discovery;

import dev.drove.common.testkit.ZookeeperExtension;
import dev.drove.common.zookeeper.Curators;
import dev.drove.common.zookeeper.ZkConfig;
import dev.drove.models.info.nodedata.ControllerNodeData;
import dev.drove.models.info.nodedata.ExecutorNodeData;
import dev.drove.models.info.nodedata.ExecutorState;
import dev.drove.models.info.nodedata.NodeTransportType;
import io.dropwizard.util.Duration;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.state.ConnectionState;
import org.apache.curator.test.TestingServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** Node entries in a real ZooKeeper: published, seen by others, gone with the session, back after an outage. */
@ExtendWith(ZookeeperExtension.class)
class NodeDataStoreTest {
    private static final java.time.Duration SOON = java.time.Duration.ofSeconds(5);

    @Test
    void aPublishedExecutorIsListedByAnotherNode(TestingServer server) throws Exception {
        var executor = executor("executor-1", ExecutorState.ACTIVE);
        try (var publisher = client(server); var reader = client(server);
             var own = new NodeDataStore(publisher)) {
            own.publish(executor);
            assertThat(own.awaitPublished(SOON)).isTrue();

            var others = new NodeDataStore(reader);
            assertThat(others.executors()).containsExactly(executor);
            assertThat(others.executor(ExecutorId.of("executor-1", 3000))).contains(executor);
            assertThat(others.controllers()).isEmpty();
        }
    }

    @Test
    void publishingAgainReplacesTheEntry(TestingServer server) throws Exception {
        try (var publisher = client(server); var reader = client(server);
             var own = new NodeDataStore(publisher)) {
            own.publish(executor("executor-1", ExecutorState.ACTIVE));
            own.awaitPublished(SOON);

            var blacklisted = executor("executor-1", ExecutorState.BLACKLISTED);
            own.publish(blacklisted);

            await().atMost(SOON).until(() -> new NodeDataStore(reader).executors().equals(List.of(blacklisted)));
        }
    }

    @Test
    void controllersAndExecutorsAreListedApart(TestingServer server) throws Exception {
        var controller = controller("controller-1", true);
        try (var one = client(server); var two = client(server);
             var executorStore = new NodeDataStore(one); var controllerStore = new NodeDataStore(two)) {
            executorStore.publish(executor("executor-1", ExecutorState.ACTIVE));
            controllerStore.publish(controller);
            executorStore.awaitPublished(SOON);
            controllerStore.awaitPublished(SOON);

            assertThat(controllerStore.controllers()).containsExactly(controller);
            assertThat(controllerStore.executors()).extracting(ExecutorNodeData::hostname)
                    .containsExactly("executor-1");
            assertThat(NodeDataStore.path(controller)).isEqualTo("/controller/controller-1-4000");
        }
    }

    @Test
    void anEntryDisappearsWhenThePublishersSessionCloses(TestingServer server) throws Exception {
        try (var reader = client(server)) {
            var publisher = client(server);
            var own = new NodeDataStore(publisher);
            own.publish(executor("executor-1", ExecutorState.ACTIVE));
            own.awaitPublished(SOON);
            assertThat(new NodeDataStore(reader).executors()).hasSize(1);

            publisher.close(); // the process dies: no remove(), only the session ends

            await().atMost(SOON).until(() -> new NodeDataStore(reader).executors().isEmpty());
        }
    }

    @Test
    void removingTheEntryHidesTheNodeAtOnce(TestingServer server) throws Exception {
        try (var publisher = client(server); var own = new NodeDataStore(publisher)) {
            own.publish(executor("executor-1", ExecutorState.ACTIVE));
            own.awaitPublished(SOON);

            own.remove();
            own.remove();

            assertThat(own.executors()).isEmpty();
        }
    }

    @Test
    void anEntryDeletedBySomeoneElseComesBack(TestingServer server) throws Exception {
        var executor = executor("executor-1", ExecutorState.ACTIVE);
        try (var publisher = client(server); var other = client(server); var own = new NodeDataStore(publisher)) {
            own.publish(executor);
            own.awaitPublished(SOON);

            other.delete().forPath(NodeDataStore.path(executor));

            await().atMost(SOON).until(() -> new NodeDataStore(other).executors().equals(List.of(executor)));
        }
    }

    @Test
    void anEntryComesBackAfterAZooKeeperOutageEndsItsSession(TestingServer server) throws Exception {
        var executor = executor("executor-1", ExecutorState.ACTIVE);
        var path = NodeDataStore.path(executor);
        try (var publisher = client(server, Duration.seconds(2)); var own = new NodeDataStore(publisher)) {
            var states = new CopyOnWriteArrayList<ConnectionState>();
            publisher.getConnectionStateListenable().addListener((client, state) -> states.add(state));
            own.publish(executor);
            own.awaitPublished(SOON);
            var firstSession = sessionOf(publisher);

            server.stop();
            await().atMost(java.time.Duration.ofSeconds(30)).until(() -> states.contains(ConnectionState.LOST));
            server.restart();

            try (var reader = client(server)) {
                await().atMost(java.time.Duration.ofSeconds(30)).until(() -> {
                    var stat = reader.checkExists().forPath(path);
                    return stat != null && stat.getEphemeralOwner() == sessionOf(publisher)
                            && stat.getEphemeralOwner() != firstSession;
                });
                assertThat(new NodeDataStore(reader).executors()).containsExactly(executor);
            }
        }
    }

    @Test
    void aStorePublishesOneNodeOnly(TestingServer server) throws Exception {
        try (var publisher = client(server); var own = new NodeDataStore(publisher)) {
            own.publish(executor("executor-1", ExecutorState.ACTIVE));

            assertThatThrownBy(() -> own.publish(executor("executor-2", ExecutorState.ACTIVE)))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("/executor/executor-1-3000");
        }
    }

    @Test
    void anExecutorsIdIsTheNameBasedUuidOfItsHostAndPort() {
        var id = ExecutorId.of("executor-1", 3000);

        assertThat(UUID.fromString(id).version()).isEqualTo(3);
        assertThat(id).isEqualTo(UUID.nameUUIDFromBytes("executor-1:3000".getBytes()).toString())
                .isEqualTo(ExecutorId.of("executor-1", 3000))
                .isNotEqualTo(ExecutorId.of("executor-1", 3001));
    }

    static ExecutorNodeData executor(String hostname, ExecutorState state) {
        return new ExecutorNodeData(hostname, 3000, NodeTransportType.HTTP, new Date(1_700_000_000_000L), null,
                List.of(), List.of(), List.of(), Set.of("gpu"), Map.of(), state);
    }

    static ControllerNodeData controller(String hostname, boolean leader) {
        return new ControllerNodeData(hostname, 4000, NodeTransportType.HTTP, new Date(), leader);
    }

    static CuratorFramework client(TestingServer server) {
        return client(server, Duration.seconds(15));
    }

    private static CuratorFramework client(TestingServer server, Duration sessionTimeout) {
        return Curators.start(new ZkConfig(server.getConnectString(), "drove", sessionTimeout, Duration.seconds(2)));
    }

    private static long sessionOf(CuratorFramework curator) throws Exception {
        return curator.getZookeeperClient().getZooKeeper().getSessionId();
    }
}
