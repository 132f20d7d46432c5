package dev.drove.executor.hollow;

import dev.drove.common.auth.ClusterAuthConfig;
import dev.drove.common.auth.ClusterAuthFilter;
import dev.drove.models.json.Json;
import io.dropwizard.jersey.jackson.JacksonFeature;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.servlet.ServletContainer;

import java.util.Map;

/**
 * The HTTP side of a fleet: one Jetty server with one connector per hollow executor (no acceptor thread, one selector
 * each) and a single Jersey application holding the real {@link ClusterAuthFilter} and a
 * {@link FleetMessagesResource}, so a thousand executors cost a thousand sockets, not a thousand servers.
 */
final class FleetServer implements AutoCloseable {
    /** Worker threads on top of the one selector thread per connector. */
    private static final int WORKERS = 16;

    private final Server server;

    FleetServer(String host, Map<Integer, HollowExecutor> byPort, ClusterAuthConfig auth) {
        var pool = new QueuedThreadPool(byPort.size() + WORKERS + 8, Math.min(8, WORKERS));
        pool.setName("fleet-http");
        pool.setDaemon(true);
        server = new Server(pool);
        for (int port : byPort.keySet()) {
            var connector = new ServerConnector(server, 0, 1);
            connector.setHost(host);
            connector.setPort(port);
            connector.setIdleTimeout(60_000);
            server.addConnector(connector);
        }
        var app = new ResourceConfig()
                .register(new JacksonFeature(Json.mapper()))
                .register(new ClusterAuthFilter(auth))
                .register(new FleetMessagesResource(byPort));
        var context = new ServletContextHandler();
        context.setContextPath("/");
        context.addServlet(new ServletHolder(new ServletContainer(app)), "/*");
        server.setHandler(context);
    }

    void start() throws Exception {
        server.start();
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }
}
