package dev.drove.controller.statestore;

import dev.drove.common.testkit.ZookeeperExtension;
import dev.drove.models.cluster.ClusterState;
import dev.drove.models.cluster.ClusterStateData;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.test.TestingServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.Date;

import static org.assertj.core.api.Assertions.assertThat;

/** The cluster mode in a real ZooKeeper (docs: cluster/maintenance.md). */
@ExtendWith(ZookeeperExtension.class)
class ZkClusterStateStoreTest {

    @Test
    void aClusterThatWasNeverPutInMaintenanceIsNormal(CuratorFramework curator) {
        var store = new ZkClusterStateStore(curator);

        assertThat(store.find()).isEmpty();
        assertThat(store.state()).isEqualTo(ClusterState.NORMAL);
    }

    @Test
    void maintenanceSetByOneControllerIsSeenByAnother(CuratorFramework curator, TestingServer server) {
        var maintenance = new ClusterStateData(ClusterState.MAINTENANCE, new Date(1_000));
        new ZkClusterStateStore(curator).save(maintenance);

        try (var other = ZookeeperExtension.newClient(server.getConnectString())) {
            var store = new ZkClusterStateStore(other);
            assertThat(store.find()).contains(maintenance);
            assertThat(store.state()).isEqualTo(ClusterState.MAINTENANCE);
        }

        new ZkClusterStateStore(curator).save(new ClusterStateData(ClusterState.NORMAL, new Date(2_000)));
        assertThat(new ZkClusterStateStore(curator).state()).isEqualTo(ClusterState.NORMAL);
    }
}
