package dev.drove.common.zookeeper;

import dev.drove.common.testkit.ZookeeperExtension;
import io.dropwizard.util.Duration;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.test.TestingServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** JSON documents in a real ZooKeeper. */
@ExtendWith(ZookeeperExtension.class)
class ZkJsonStoreTest {
    record Doc(String name, int count) {
    }

    @Test
    void aDocumentWrittenByOneClientIsReadByAnother(TestingServer server, CuratorFramework curator) throws Exception {
        new ZkJsonStore(curator).write("/applications/billing-1", new Doc("billing", 2));

        try (var other = ZookeeperExtension.newClient(server.getConnectString())) {
            assertThat(new ZkJsonStore(other).read("/applications/billing-1", Doc.class))
                    .contains(new Doc("billing", 2));
        }
    }

    @Test
    void writingAgainReplacesTheDocument(CuratorFramework curator) {
        var store = new ZkJsonStore(curator);
        store.write("/applications/billing-1", new Doc("billing", 2));

        store.write("/applications/billing-1", new Doc("billing", 5));

        assertThat(store.read("/applications/billing-1", Doc.class)).contains(new Doc("billing", 5));
    }

    @Test
    void aMissingDocumentReadsAsEmpty(CuratorFramework curator) {
        var store = new ZkJsonStore(curator);

        assertThat(store.read("/applications/none", Doc.class)).isEmpty();
        assertThat(store.children("/applications")).isEmpty();
        assertThat(store.exists("/applications/none")).isFalse();
    }

    @Test
    void deletingRemovesEverythingBelowAndMayBeRepeated(CuratorFramework curator) {
        var store = new ZkJsonStore(curator);
        store.write("/instances/billing-1/AI-1", new Doc("a", 1));
        store.write("/instances/billing-1/AI-2", new Doc("b", 2));

        store.delete("/instances/billing-1");
        store.delete("/instances/billing-1");

        assertThat(store.exists("/instances/billing-1")).isFalse();
        assertThat(store.children("/instances")).isEmpty();
    }

    @Test
    void childrenAreReadInNameOrderAndAnUnreadableOneIsSkipped(CuratorFramework curator) throws Exception {
        var store = new ZkJsonStore(curator);
        store.write("/instances/billing-1/AI-2", new Doc("b", 2));
        store.write("/instances/billing-1/AI-1", new Doc("a", 1));
        curator.create().forPath("/instances/billing-1/AI-3", "not json".getBytes(StandardCharsets.UTF_8));

        assertThat(store.children("/instances/billing-1")).containsExactly("AI-1", "AI-2", "AI-3");
        assertThat(store.readChildren("/instances/billing-1", Doc.class))
                .containsExactly(new Doc("a", 1), new Doc("b", 2));
    }

    @Test
    void readingDataOfAnotherShapeFailsNamingThePath(CuratorFramework curator) throws Exception {
        curator.create().creatingParentsIfNeeded().forPath("/cluster/maintenance",
                "[1, 2]".getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> new ZkJsonStore(curator).read("/cluster/maintenance", Doc.class))
                .isInstanceOf(ZkStoreException.class)
                .hasMessageContaining("/cluster/maintenance");
    }

    @Test
    void anEphemeralDocumentGoesWithItsWritersSession(TestingServer server, CuratorFramework curator)
            throws Exception {
        try (var writer = ZookeeperExtension.newClient(server.getConnectString())) {
            new ZkJsonStore(writer).writeEphemeral("/executor/host-1", Map.of("k", "v"));
            assertThat(new ZkJsonStore(curator).exists("/executor/host-1")).isTrue();
        }

        await().atMost(java.time.Duration.ofSeconds(5))
                .until(() -> !new ZkJsonStore(curator).exists("/executor/host-1"));
    }

    @Test
    void aClientFromTheConfigKeepsItsDataBelowTheNamespace(TestingServer server, CuratorFramework root)
            throws Exception {
        var config = new ZkConfig(server.getConnectString(), "drovetest", Duration.seconds(10), Duration.seconds(5));
        try (var curator = Curators.start(config)) {
            new ZkJsonStore(curator).write(ZkPaths.child(ZkPaths.APPLICATIONS, "billing-1"), new Doc("billing", 1));
        }

        assertThat(new ZkJsonStore(root).read("/drovetest/applications/billing-1", Doc.class))
                .contains(new Doc("billing", 1));
    }

    @Test
    void aChildNameCannotNestDeeper() {
        assertThat(ZkPaths.child(ZkPaths.TASKS, "billing", "T0012")).isEqualTo("/tasks/billing/T0012");
        for (var bad : List.of("", "a/b")) {
            assertThatThrownBy(() -> ZkPaths.child(ZkPaths.TASKS, bad)).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
