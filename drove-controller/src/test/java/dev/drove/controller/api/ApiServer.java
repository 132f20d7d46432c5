package dev.drove.controller.api;

import ch.qos.logback.classic.Level;
import com.fasterxml.jackson.databind.JsonNode;
import com.google.inject.Guice;
import com.google.inject.Inject;
import com.google.inject.Injector;
import com.google.inject.Provider;
import com.google.inject.Singleton;
import dev.drove.common.discovery.NodeDataStore;
import dev.drove.common.errors.ApiExceptionMappers;
import dev.drove.common.http.ClusterTls;
import dev.drove.common.http.NodeEndpoint;
import dev.drove.common.testkit.ZookeeperExtension;
import dev.drove.controller.cluster.AdmittedExecutors;
import dev.drove.controller.events.EventBus;
import dev.drove.controller.leadership.LeaderElection;
import dev.drove.controller.maintenance.MaintenanceMode;
import dev.drove.controller.scheduler.Blacklist;
import dev.drove.controller.specrules.HostAccessRules;
import dev.drove.controller.statestore.StateStoreModule;
import dev.drove.controller.statestore.ClusterStateStore;
import dev.drove.models.info.nodedata.ExecutorState;
import dev.drove.models.info.nodedata.NodeTransportType;
import dev.drove.models.json.Json;
import io.dropwizard.core.Application;
import io.dropwizard.core.Configuration;
import io.dropwizard.core.setup.Environment;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.DropwizardTestSupport;
import io.dropwizard.testing.ResourceHelpers;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import org.apache.curator.framework.CuratorFramework;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.awaitility.Awaitility.await;

/**
 * One controller's API on a loopback port, wired as the controller wires it (StateStoreModule + ApiModule over a real
 * ZooKeeper and leader election) with a {@link RecordingOperations} engine. Tests call it over real HTTP.
 */
final class ApiServer implements AutoCloseable {
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    final NodeEndpoint self;
    final RecordingOperations operations = new RecordingOperations();
    /** Every request this server received, as "METHOD path" with the headers forwarding is about. */
    final List<Seen> seen = new CopyOnWriteArrayList<>();
    /** Executors the API must treat as not authenticated (every other one counts as admitted). */
    final Set<String> unadmitted = ConcurrentHashMap.newKeySet();
    /** What the controller's blacklist book says of an executor (absent: no word, its own state counts). */
    final Map<String, ExecutorState> rotation = new ConcurrentHashMap<>();
    private final CuratorFramework curator;
    private final LeaderElection election;
    private final Injector injector;
    private final DropwizardTestSupport<Configuration> support;
    private boolean httpRunning;

    /** What one request carried. */
    record Seen(String call, String forwardedBy, String authorization) {
    }

    /** An HTTP answer with its body parsed as JSON (null when it has none). */
    record Answer(int status, JsonNode json, Map<String, List<String>> headers) {
    }

    private ApiServer(String zookeeper, HostAccessRules hostAccess) {
        var port = freePort();
        self = new NodeEndpoint(NodeTransportType.HTTP, "127.0.0.1", port);
        curator = ZookeeperExtension.newClient(zookeeper);
        election = new LeaderElection(curator, self);
        var nodes = new NodeDataStore(curator);
        injector = Guice.createInjector(new StateStoreModule(), new ApiModule(self), binder -> {
            binder.bind(CuratorFramework.class).toInstance(curator);
            binder.bind(LeaderElection.class).toInstance(election);
            binder.bind(NodeDataStore.class).toInstance(nodes);
            binder.bind(ApplicationOperations.class).toInstance(operations);
            binder.bind(ClusterTls.class).toInstance(ClusterTls.jvmDefault());
            binder.bind(AdmittedExecutors.class).toInstance(executorId -> !unadmitted.contains(executorId));
            binder.bind(Blacklist.class).toInstance(executorId -> Optional.ofNullable(rotation.get(executorId)));
            binder.bind(HostAccessRules.class).toInstance(hostAccess);
            // over the bound ClusterStateStore (the leader's cached one), as the controller wires it
            binder.bind(MaintenanceMode.class).toProvider(new Provider<>() {
                @Inject
                ClusterStateStore store;

                @Override
                public MaintenanceMode get() {
                    return new MaintenanceMode(store, new EventBus(Duration.ofHours(1)), self.hostname(),
                            Duration.ZERO, Clock.systemUTC());
                }
            }).in(Singleton.class);
        });
        support = new DropwizardTestSupport<>(TestApplication.class,
                ResourceHelpers.resourceFilePath("api/api-server.yml"),
                ConfigOverride.config("server.applicationConnectors[0].port", String.valueOf(port))) {
            @Override
            public Application<Configuration> newApplication() {
                return new TestApplication(ApiServer.this);
            }
        };
    }

    /** A controller that has won the election (start it before any other). */
    static ApiServer leader(String zookeeper) throws Exception {
        return leader(zookeeper, HostAccessRules.DEFAULTS);
    }

    /** A leader whose spec checks allow host directories and devices as {@code hostAccess} says. */
    static ApiServer leader(String zookeeper, HostAccessRules hostAccess) throws Exception {
        var server = serving(zookeeper, hostAccess);
        server.election.start();
        await().atMost(Duration.ofSeconds(10)).until(server.election::isLeader);
        return server;
    }

    /** A controller that joined the election after a leader was elected, so it follows. */
    static ApiServer follower(String zookeeper) throws Exception {
        var server = serving(zookeeper, HostAccessRules.DEFAULTS);
        server.election.start();
        return server;
    }

    /** A controller serving HTTP that never joined the election: it follows and knows no leader of its own. */
    static ApiServer outsider(String zookeeper) throws Exception {
        return serving(zookeeper, HostAccessRules.DEFAULTS);
    }

    private static ApiServer serving(String zookeeper, HostAccessRules hostAccess) throws Exception {
        var server = new ApiServer(zookeeper, hostAccess);
        server.support.before();
        server.httpRunning = true;
        return server;
    }

    <T> T get(Class<T> type) {
        return injector.getInstance(type);
    }

    CuratorFramework curator() {
        return curator;
    }

    boolean isLeader() {
        return election.isLeader();
    }

    Answer get(String path) {
        return call("GET", path, null, Map.of());
    }

    Answer post(String path, String json) {
        return call("POST", path, json, Map.of("Content-Type", "application/json"));
    }

    Answer call(String method, String path, String body, Map<String, String> headers) {
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + self.port() + path))
                .timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        try {
            var response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            var json = response.body().isEmpty() ? null : Json.mapper().readTree(response.body());
            return new Answer(response.statusCode(), json, response.headers().map());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Stops serving HTTP but stays in the election (a leader whose API is unreachable). */
    void stopHttp() {
        if (httpRunning) {
            httpRunning = false;
            support.after();
            quietClients(); // stopping Dropwizard resets logging, which lets ZooKeeper log every connection
        }
    }

    private static void quietClients() {
        if (LoggerFactory.getLogger("org.apache.zookeeper") instanceof ch.qos.logback.classic.Logger zookeeper) {
            zookeeper.setLevel(Level.ERROR);
        }
        if (LoggerFactory.getLogger("org.apache.curator") instanceof ch.qos.logback.classic.Logger curator) {
            curator.setLevel(Level.WARN);
        }
    }

    @Override
    public void close() {
        election.close();
        stopHttp();
        curator.close();
    }

    private static int freePort() {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The controller's API setup: the project's mapper and error mappers, then {@link ApiResources}. */
    public static final class TestApplication extends Application<Configuration> {
        private final ApiServer server;

        TestApplication(ApiServer server) {
            this.server = server;
        }

        @Override
        public void run(Configuration configuration, Environment environment) {
            Json.configure(environment.getObjectMapper());
            ApiExceptionMappers.install(configuration.getServerFactory(), environment);
            environment.jersey().register(new SeenFilter(server.seen));
            server.get(ApiResources.class).registerWith(environment.jersey());
        }
    }

    @PreMatching
    private static final class SeenFilter implements ContainerRequestFilter {
        private final List<Seen> seen;

        SeenFilter(List<Seen> seen) {
            this.seen = seen;
        }

        @Override
        public void filter(ContainerRequestContext request) {
            seen.add(new Seen(request.getMethod() + " " + request.getUriInfo().getRequestUri().getRawPath(),
                    request.getHeaderString(LeaderForwardingFilter.FORWARDED_BY),
                    request.getHeaderString("Authorization")));
        }
    }
}
