package dev.drove.common.auth;

import dev.drove.models.info.nodedata.NodeType;

import java.security.Principal;

/**
 * The caller of a {@link ClusterNodeOnly} resource once {@link ClusterAuthFilter} has let it through; resources get it
 * from {@code SecurityContext.getUserPrincipal()}.
 *
 * @param nodeId the sender's {@code NodeId} header (its hostname), or {@code "unknown"} when it sent none
 */
public record ClusterNodePrincipal(String nodeId, NodeType nodeType) implements Principal {
    @Override
    public String getName() {
        return nodeId;
    }
}
