package dev.drove.common.auth;

import dev.drove.models.info.nodedata.NodeType;
import jakarta.validation.Valid;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code clusterAuth} config section, the same on every node of a cluster: the secret controllers send to
 * executors and the one executors send to controllers (docs: cluster/setup/controller.md and executor-setup.md).
 *
 * <pre>
 * clusterAuth:
 *   secrets:
 *   - nodeType: CONTROLLER
 *     secret: ControllerSecretValue
 *   - nodeType: EXECUTOR
 *     secret: ExecutorSecret
 * </pre>
 *
 * <p>A node type without an entry (or an absent section, {@link #DEFAULTS}) gets a fixed, publicly known development
 * secret, so a local cluster works out of the box; {@link ClusterAuthFilter} warns about it at start. A type listed
 * twice is a configuration error.
 */
public record ClusterAuthConfig(List<@Valid ClusterSecret> secrets) {
    private static final Map<NodeType, String> DEVELOPMENT_SECRETS = Map.of(
            NodeType.CONTROLLER, "drove-development-controller-secret",
            NodeType.EXECUTOR, "drove-development-executor-secret");

    /** Used when the section is absent: the development secrets for both node types. */
    public static final ClusterAuthConfig DEFAULTS = new ClusterAuthConfig(null);

    public ClusterAuthConfig {
        var complete = new ArrayList<ClusterSecret>();
        var byType = new EnumMap<NodeType, ClusterSecret>(NodeType.class);
        for (var entry : secrets == null ? List.<ClusterSecret>of() : secrets) {
            if (entry == null) {
                continue;
            }
            if (entry.nodeType() != null && byType.put(entry.nodeType(), entry) != null) {
                throw new IllegalArgumentException("clusterAuth.secrets lists node type " + entry.nodeType()
                        + " more than once");
            }
            complete.add(entry);
        }
        for (var type : NodeType.values()) {
            if (!byType.containsKey(type)) {
                complete.add(new ClusterSecret(type, DEVELOPMENT_SECRETS.get(type)));
            }
        }
        secrets = List.copyOf(complete);
    }

    /** The secret nodes of {@code type} send. */
    public String secretFor(NodeType type) {
        return secrets.stream()
                .filter(entry -> entry.nodeType() == type)
                .map(ClusterSecret::secret)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("No cluster secret for node type " + type));
    }

    /** Whether nodes of {@code type} use the public development secret: fine on a laptop, never in production. */
    public boolean usesDevelopmentSecret(NodeType type) {
        return DEVELOPMENT_SECRETS.get(type).equals(secretFor(type));
    }

    /** What a node of type {@code self}, known to others as {@code nodeId} (its hostname), sends with its calls. */
    public ClusterCredentials credentials(NodeType self, String nodeId) {
        return new ClusterCredentials(nodeId, self, secretFor(self));
    }
}
