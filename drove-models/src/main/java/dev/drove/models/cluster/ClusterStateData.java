package dev.drove.models.cluster;

import java.util.Date;
import java.util.Objects;

/**
 * The cluster mode and when it last changed; stored by the leader and returned by
 * {@code POST /apis/v1/cluster/maintenance/set|unset} (docs: apis/cluster.md).
 */
public record ClusterStateData(ClusterState state, Date updated) {
    public ClusterStateData {
        Objects.requireNonNull(state, "state is required");
    }
}
