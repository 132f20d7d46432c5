package dev.drove.common.http;

import dev.drove.models.info.nodedata.NodeTransportType;
import io.dropwizard.core.server.DefaultServerFactory;
import io.dropwizard.core.server.ServerFactory;
import io.dropwizard.core.server.SimpleServerFactory;
import io.dropwizard.jetty.ConnectorFactory;
import io.dropwizard.jetty.HttpConnectorFactory;
import io.dropwizard.jetty.HttpsConnectorFactory;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** Where this node's API listens, read from its {@code server:} config, as other nodes must reach it. */
public final class ServerEndpoints {
    private ServerEndpoints() {
    }

    /**
     * The first application connector's port and transport; the hostname is {@code hostnameOverride}, else the
     * connector's {@code bindHost} when it names one address, else this machine's name.
     *
     * @throws IllegalArgumentException when the connector has no fixed port: other nodes could not find it (and an
     *                                  executor's id is derived from it)
     */
    public static NodeEndpoint of(ServerFactory server, String hostnameOverride) {
        var connector = firstApplicationConnector(server);
        if (!(connector instanceof HttpConnectorFactory http)) {
            throw new IllegalArgumentException("The first application connector must be of type http or https");
        }
        if (http.getPort() <= 0) {
            throw new IllegalArgumentException("server.applicationConnectors[0].port must be a fixed port: "
                    + "other cluster nodes reach this one on it");
        }
        var transport = connector instanceof HttpsConnectorFactory ? NodeTransportType.HTTPS : NodeTransportType.HTTP;
        var hostname = hostnameOverride != null && !hostnameOverride.isBlank() ? hostnameOverride
                : isSpecific(http.getBindHost()) ? http.getBindHost() : localHostname();
        return new NodeEndpoint(transport, hostname, http.getPort());
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

    private static boolean isSpecific(String bindHost) {
        return bindHost != null && !bindHost.isBlank() && !bindHost.equals("0.0.0.0") && !bindHost.equals("::");
    }

    /** This machine's name, as other nodes should resolve it. */
    public static String localHostname() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            var fromEnv = System.getenv("HOSTNAME");
            if (fromEnv != null && !fromEnv.isBlank()) {
                return fromEnv;
            }
            throw new IllegalStateException("Cannot find this machine's hostname; configure it explicitly", e);
        }
    }
}
