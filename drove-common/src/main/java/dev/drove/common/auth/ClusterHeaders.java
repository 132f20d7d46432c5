package dev.drove.common.auth;

/**
 * The HTTP headers of a call between cluster nodes. {@code NodeId} and {@code Cluster-Authorization} are the
 * original's (contract §4); {@code Node-Type} is ours and says which secret {@code Cluster-Authorization} must be.
 */
public final class ClusterHeaders {
    /** The sender's hostname; for logs, not trusted for anything. */
    public static final String NODE_ID = "NodeId";
    /** The configured secret of the sender's node type, as is. */
    public static final String CLUSTER_AUTHORIZATION = "Cluster-Authorization";
    /** {@code CONTROLLER} or {@code EXECUTOR}: the sender's node type. */
    public static final String NODE_TYPE = "Node-Type";

    private ClusterHeaders() {
    }
}
