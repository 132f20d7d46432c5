package dev.drove.common.auth;

import dev.drove.models.info.nodedata.NodeType;

import java.util.Map;
import java.util.Objects;

/**
 * Who a node says it is when it calls another node: its {@code NodeId} (hostname), its type and its type's secret,
 * sent as the three {@link ClusterHeaders}.
 */
public record ClusterCredentials(String nodeId, NodeType nodeType, String secret) {
    public ClusterCredentials {
        Objects.requireNonNull(nodeId, "nodeId is required");
        Objects.requireNonNull(nodeType, "nodeType is required");
        Objects.requireNonNull(secret, "secret is required");
    }

    /** The headers that carry these credentials, by header name. */
    public Map<String, String> headers() {
        return Map.of(ClusterHeaders.NODE_ID, nodeId,
                ClusterHeaders.NODE_TYPE, nodeType.name(),
                ClusterHeaders.CLUSTER_AUTHORIZATION, secret);
    }

    /** Never prints the secret. */
    @Override
    public String toString() {
        return "ClusterCredentials[nodeId=" + nodeId + ", nodeType=" + nodeType + ", secret=****]";
    }
}
