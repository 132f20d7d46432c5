package dev.drove.controller.api;

import dev.drove.common.discovery.NodeDataStore;
import dev.drove.common.http.NodeEndpoint;
import dev.drove.controller.leadership.LeaderElection;
import dev.drove.models.info.nodedata.ControllerNodeData;

import java.util.Comparator;

/**
 * The leader as the cluster summary names it, {@code host:port}: this controller while it leads (no ZooKeeper read;
 * it is what its own entry says), else the most recently updated controller entry that claims leadership; null
 * while none is known.
 */
final class ClusterLeader {
    private final LeaderElection election;
    private final NodeDataStore nodes;
    private final NodeEndpoint self;

    ClusterLeader(LeaderElection election, NodeDataStore nodes, NodeEndpoint self) {
        this.election = election;
        this.nodes = nodes;
        this.self = self;
    }

    String name() {
        if (election.isLeader()) {
            return self.hostname() + ":" + self.port();
        }
        return nodes.controllers().stream()
                .filter(ControllerNodeData::leader)
                .max(Comparator.comparing(node -> node.updated() == null ? 0L : node.updated().getTime()))
                .map(node -> node.hostname() + ":" + node.port())
                .orElse(null);
    }
}
