package dev.drove.controller.statestore;

import dev.drove.common.zookeeper.ZkJsonStore;
import dev.drove.common.zookeeper.ZkPaths;
import dev.drove.models.cluster.ClusterStateData;
import org.apache.curator.framework.CuratorFramework;

import java.util.Optional;

/** The cluster's mode in ZooKeeper, {@code /cluster/maintenance}, read on every call (one small znode). */
public final class ZkClusterStateStore implements ClusterStateStore {
    private final ZkJsonStore store;

    /** @param curator a started client; its namespace applies */
    public ZkClusterStateStore(CuratorFramework curator) {
        this.store = new ZkJsonStore(curator);
    }

    @Override
    public void save(ClusterStateData state) {
        store.write(ZkPaths.CLUSTER_MAINTENANCE, state);
    }

    @Override
    public Optional<ClusterStateData> find() {
        return store.read(ZkPaths.CLUSTER_MAINTENANCE, ClusterStateData.class);
    }
}
