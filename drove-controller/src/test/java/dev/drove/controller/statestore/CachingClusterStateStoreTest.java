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

/** The leader's copy of the cluster's mode, in front of a real ZooKeeper. */
@ExtendWith(ZookeeperExtension.class)
class CachingClusterStateStoreTest {

    @Test
    void theLeaderReadsWhatItSavedAtOnceAndZooKeeperHasIt(CuratorFramework curator) {
        var store = leading(curator);
        assertThat(store.state()).isEqualTo(ClusterState.NORMAL);

        var maintenance = new ClusterStateData(ClusterState.MAINTENANCE, new Date(5_000));
        store.save(maintenance);

        assertThat(store.find()).contains(maintenance);
        assertThat(new ZkClusterStateStore(curator).find()).contains(maintenance);
    }

    @Test
    void aLeaderAnswersFromItsCopyUntilItLosesLeadership(CuratorFramework curator, TestingServer server) {
        new ZkClusterStateStore(curator).save(new ClusterStateData(ClusterState.MAINTENANCE, new Date(1_000)));
        var store = leading(curator);
        assertThat(store.state()).isEqualTo(ClusterState.MAINTENANCE);

        try (var other = ZookeeperExtension.newClient(server.getConnectString())) {
            new ZkClusterStateStore(other).save(new ClusterStateData(ClusterState.NORMAL, new Date(2_000)));
        }
        assertThat(store.state()).isEqualTo(ClusterState.MAINTENANCE);

        store.leadershipLost();
        assertThat(store.state()).isEqualTo(ClusterState.NORMAL);
    }

    private static CachingClusterStateStore leading(CuratorFramework curator) {
        var store = new CachingClusterStateStore(new ZkClusterStateStore(curator));
        store.leadershipAcquired();
        return store;
    }
}
