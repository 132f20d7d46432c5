package dev.drove.controller.statestore;

import dev.drove.models.cluster.ClusterState;
import dev.drove.models.cluster.ClusterStateData;

import java.util.Optional;

/** The cluster's mode: {@link ClusterStateData} at {@code /cluster/maintenance} (docs: cluster/maintenance.md). */
public interface ClusterStateStore {

    /** Replaces the stored mode. */
    void save(ClusterStateData state);

    /** The stored mode; empty when it was never set. */
    Optional<ClusterStateData> find();

    /** The mode in force: the stored one, NORMAL when none was ever stored. */
    default ClusterState state() {
        return find().map(ClusterStateData::state).orElse(ClusterState.NORMAL);
    }
}
