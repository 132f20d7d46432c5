package dev.drove.controller.statestore;

import dev.drove.controller.leadership.LeadershipListener;
import dev.drove.models.cluster.ClusterStateData;

import java.util.Map;
import java.util.Optional;

/**
 * The leader's copy of the cluster's mode: loaded from the store once on leadership, then read from memory and written
 * through (see {@link WriteThroughCache}), so the cluster summary, the monitors' {@code isActive} checks and each
 * submitted operation read it without a ZooKeeper round trip. Not leading, it reads and writes the store directly.
 */
public final class CachingClusterStateStore implements ClusterStateStore, LeadershipListener {
    private static final String MODE = "mode";

    private final ClusterStateStore store;
    private final WriteThroughCache<ClusterStateData> mode;

    /** @param store where the mode lives */
    public CachingClusterStateStore(ClusterStateStore store) {
        this.store = store;
        this.mode = new WriteThroughCache<>(() -> store.find().map(data -> Map.of(MODE, data)).orElse(Map.of()));
    }

    @Override
    public void save(ClusterStateData state) {
        mode.write(MODE, () -> store.save(state), old -> state);
    }

    @Override
    public Optional<ClusterStateData> find() {
        return mode.read(copy -> WriteThroughCache.lookup(copy, MODE), store::find);
    }

    @Override
    public void leadershipAcquired() {
        mode.activate();
    }

    @Override
    public void leadershipLost() {
        mode.deactivate();
    }
}
