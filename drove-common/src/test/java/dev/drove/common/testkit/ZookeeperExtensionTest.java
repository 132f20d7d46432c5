package dev.drove.common.testkit;

import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.state.ConnectionState;
import org.apache.curator.test.TestingServer;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The ZooKeeper extension: a real server, connected clients, session loss and a clean tree for every test. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ZookeeperExtensionTest {
    @RegisterExtension
    static final ZookeeperExtension ZOOKEEPER = new ZookeeperExtension();

    @Test
    @Order(1)
    void aZnodeWrittenByOneClientIsReadByAnother(CuratorFramework curator) throws Exception {
        curator.create().creatingParentsIfNeeded().forPath("/drove/applications/billing", bytes("v1"));

        try (CuratorFramework other = ZookeeperExtension.newClient(ZOOKEEPER.connectString())) {
            assertThat(other.getData().forPath("/drove/applications/billing")).isEqualTo(bytes("v1"));
        }
    }

    @Test
    @Order(2)
    void theClientReconnectsAfterTheServerIsStoppedAndRestarted(TestingServer server, CuratorFramework curator)
            throws Exception {
        List<ConnectionState> states = new CopyOnWriteArrayList<>();
        curator.getConnectionStateListenable().addListener((client, state) -> states.add(state));
        curator.create().creatingParentsIfNeeded().forPath("/drove/session", bytes("kept"));

        server.stop();
        await().atMost(Duration.ofSeconds(10)).until(() -> states.contains(ConnectionState.SUSPENDED));
        server.restart();

        await().atMost(Duration.ofSeconds(20)).until(() -> states.contains(ConnectionState.RECONNECTED));
        assertThat(curator.getData().forPath("/drove/session")).isEqualTo(bytes("kept"));
    }

    @Test
    @Order(3)
    void aTestMayLeaveDataAndAStoppedServerBehind(TestingServer server, CuratorFramework curator) throws Exception {
        curator.create().forPath("/left-over", bytes("from test 3"));
        server.stop();

        await().atMost(Duration.ofSeconds(10)).until(() -> !curator.getZookeeperClient().isConnected());
    }

    @Test
    @Order(4)
    void theNextTestFindsTheServerRunningAndOnlyTheZookeeperNode(CuratorFramework curator) throws Exception {
        assertThat(curator.getChildren().forPath("/")).containsExactly("zookeeper");
    }

    @Test
    @Order(5)
    void theServerParameterIsTheServerOfTheConnectionString(TestingServer server) {
        assertThat(server.getConnectString()).isEqualTo(ZOOKEEPER.connectString()).startsWith("127.0.0.1:");
        assertThat(ZOOKEEPER.server()).isSameAs(server);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
