package dev.drove.common.auth;

import dev.drove.models.info.nodedata.NodeType;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/**
 * The secret nodes of one type send with their calls: one entry of {@code clusterAuth.secrets} (docs:
 * cluster/setup/controller.md, "Intra Node Authentication Configuration").
 */
public record ClusterSecret(@NotNull NodeType nodeType, @NotBlank String secret) {

    /** Never prints the secret. */
    @Override
    public String toString() {
        return "ClusterSecret[nodeType=" + nodeType + ", secret=****]";
    }
}
