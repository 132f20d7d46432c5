package dev.drove.controller.maintenance;

import dev.drove.controller.statestore.ClusterStateStore;
import dev.drove.models.cluster.ClusterStateData;

import java.util.Optional;

/** The cluster mode kept in memory, for tests that need no ZooKeeper. */
final class InMemoryClusterState implements ClusterStateStore {
    private volatile ClusterStateData stored;

    @Override
    public void save(ClusterStateData state) {
        stored = state;
    }

    @Override
    public Optional<ClusterStateData> find() {
        return Optional.ofNullable(stored);
    }
}
