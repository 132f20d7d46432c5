package dev.drove.executor.cluster;

import dev.drove.common.discovery.ExecutorId;
import dev.drove.common.http.ServerEndpoints;
import dev.drove.executor.instances.ExecutorIdentity;
import dev.drove.models.info.nodedata.NodeTransportType;
import io.dropwizard.core.server.ServerFactory;


/**
 * Where this executor is reached and who it is to the cluster: its id (stable across restarts: derived from hostname
 * and port, as the original), the hostname the controller and checks use, and the port and transport of its API.
 */
public record ExecutorEndpoint(String executorId, String hostname, int port, NodeTransportType transportType) {

    /** The part the instance runtime needs. */
    public ExecutorIdentity identity() {
        return new ExecutorIdentity(executorId, hostname);
    }

    public static ExecutorEndpoint of(String hostname, int port, NodeTransportType transportType) {
        return new ExecutorEndpoint(ExecutorId.of(hostname, port), hostname, port, transportType);
    }

    /** From the config: {@code options.hostname} or this machine's name, and the first application connector. */
    public static ExecutorEndpoint from(ServerFactory server, String hostnameOverride) {
        var endpoint = ServerEndpoints.of(server, hostnameOverride);
        return of(endpoint.hostname(), endpoint.port(), endpoint.transportType());
    }
}
