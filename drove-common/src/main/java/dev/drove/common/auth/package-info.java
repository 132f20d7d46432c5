/**
 * Shared-secret authentication between cluster nodes (docs: cluster/setup/controller.md, "Intra Node
 * Authentication Configuration").
 *
 * <p>Vocabulary: {@link dev.drove.common.auth.ClusterAuthConfig} is the {@code clusterAuth} section, one
 * {@link dev.drove.common.auth.ClusterSecret} per node type; {@link dev.drove.common.auth.ClusterCredentials} are
 * what a node sends as the {@link dev.drove.common.auth.ClusterHeaders} ({@code NodeId}, {@code Node-Type},
 * {@code Cluster-Authorization}); {@link dev.drove.common.auth.ClusterNodeOnly} marks resources only nodes may call.
 *
 * <pre>
 * sender:   ClusterAuthConfig.credentials(self, hostname) -> ClusterHttpClient adds the three headers
 * receiver: @ClusterNodeOnly(from = EXECUTOR) resource -> ClusterAuthFilter
 *             Node-Type allowed and Cluster-Authorization == that type's secret -> call runs as ClusterNodePrincipal
 *             otherwise -> 401 {"status": "FAILED", "message": why} + WARN (remote address, NodeId; never the secret)
 * </pre>
 */
package dev.drove.common.auth;
