package dev.drove.common.http;

import dev.drove.models.info.nodedata.NodeData;
import dev.drove.models.info.nodedata.NodeTransportType;

import java.net.URI;
import java.util.Locale;
import java.util.Objects;

/** Where a cluster node listens: {@code {scheme}://{hostname}:{port}}, the scheme from its transport type. */
public record NodeEndpoint(NodeTransportType transportType, String hostname, int port) {
    public NodeEndpoint {
        transportType = transportType == null ? NodeTransportType.HTTP : transportType;
        Objects.requireNonNull(hostname, "hostname is required");
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port must be 1..65535, not " + port);
        }
    }

    /** Where the node that published {@code node} listens. */
    public static NodeEndpoint of(NodeData node) {
        return new NodeEndpoint(node.transportType(), node.hostname(), node.port());
    }

    /** The URI of {@code path} (which starts with {@code /} and may carry a query) on this node. */
    public URI uri(String path) {
        if (path == null || !path.startsWith("/")) {
            throw new IllegalArgumentException("A path on a cluster node starts with '/': " + path);
        }
        return URI.create(transportType.name().toLowerCase(Locale.ROOT) + "://" + hostname + ":" + port + path);
    }

    @Override
    public String toString() {
        return transportType.name().toLowerCase(Locale.ROOT) + "://" + hostname + ":" + port;
    }
}
