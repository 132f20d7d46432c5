package dev.drove.common.messages;

import dev.drove.common.discovery.ExecutorId;
import dev.drove.common.http.NodeEndpoint;
import dev.drove.models.info.nodedata.ExecutorNodeData;
import dev.drove.models.info.nodedata.NodeTransportType;

import java.util.Objects;

/** Which executor an {@link ExecutorMessage} is for, and where it listens (the {@code address} of the message). */
public record ExecutorAddress(String executorId, String hostname, int port, NodeTransportType transportType) {
    public ExecutorAddress {
        Objects.requireNonNull(executorId, "executorId is required");
        Objects.requireNonNull(hostname, "hostname is required");
        transportType = transportType == null ? NodeTransportType.HTTP : transportType;
    }

    /** The address of the executor that published {@code node}. */
    public static ExecutorAddress of(ExecutorNodeData node) {
        return new ExecutorAddress(ExecutorId.of(node.hostname(), node.port()), node.hostname(), node.port(),
                node.transportType());
    }

    /** Where to send HTTP calls for this executor. */
    public NodeEndpoint endpoint() {
        return new NodeEndpoint(transportType, hostname, port);
    }
}
