package dev.drove.executor.cluster;

import dev.drove.common.discovery.ExecutorId;
import dev.drove.executor.instances.ExecutorIdentity;
import dev.drove.models.info.nodedata.NodeTransportType;
import io.dropwizard.core.server.DefaultServerFactory;
import io.dropwizard.core.server.ServerFactory;
import io.dropwizard.core.server.SimpleServerFactory;
import io.dropwizard.jetty.ConnectorFactory;
import io.dropwizard.jetty.HttpConnectorFactory;
import io.dropwizard.jetty.HttpsConnectorFactory;

import java.net.InetAddress;
import java.net.UnknownHostException;

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

    /**
     * From the config: {@code options.hostname} or this machine's name, and the first application connector.
     *
     * @throws IllegalArgumentException when the connector has no fixed port: the port is part of the executor's id
     */
    public static ExecutorEndpoint from(ServerFactory server, String hostnameOverride) {
        var connector = firstApplicationConnector(server);
        if (!(connector instanceof HttpConnectorFactory http)) {
            throw new IllegalArgumentException("The executor needs an http or https application connector");
        }
        if (http.getPort() <= 0) {
            throw new IllegalArgumentException("server.applicationConnectors[0].port must be a fixed port: "
                    + "it is part of the executor's id");
        }
        var transport = connector instanceof HttpsConnectorFactory ? NodeTransportType.HTTPS : NodeTransportType.HTTP;
        var hostname = hostnameOverride != null ? hostnameOverride : localHostname();
        return of(hostname, http.getPort(), transport);
    }

    private static ConnectorFactory firstApplicationConnector(ServerFactory server) {
        if (server instanceof DefaultServerFactory factory && !factory.getApplicationConnectors().isEmpty()) {
            return factory.getApplicationConnectors().get(0);
        }
        if (server instanceof SimpleServerFactory factory) {
            return factory.getConnector();
        }
        throw new IllegalArgumentException("No application connector configured under server:");
    }

    static String localHostname() {
        var fromEnv = System.getenv("HOSTNAME");
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            if (fromEnv != null && !fromEnv.isBlank()) {
                return fromEnv;
            }
            throw new IllegalStateException("Cannot find this machine's hostname; set options.hostname", e);
        }
    }
}
