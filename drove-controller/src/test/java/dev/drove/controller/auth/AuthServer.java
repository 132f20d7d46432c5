package dev.drove.controller.auth;

import com.fasterxml.jackson.databind.JsonNode;
import dev.drove.common.auth.ClusterAuthConfig;
import dev.drove.common.auth.ClusterAuthFilter;
import dev.drove.common.auth.ClusterSecret;
import dev.drove.common.errors.ApiExceptionMappers;
import dev.drove.controller.statestore.ZkInstanceStore;
import dev.drove.controller.statestore.ZkLocalServiceInstanceStore;
import dev.drove.models.api.ApiResponse;
import dev.drove.models.info.nodedata.NodeType;
import dev.drove.models.json.Json;
import io.dropwizard.core.Application;
import io.dropwizard.core.Configuration;
import io.dropwizard.core.setup.Environment;
import io.dropwizard.testing.DropwizardTestSupport;
import io.dropwizard.testing.ResourceHelpers;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.apache.curator.framework.CuratorFramework;
import org.glassfish.jersey.server.filter.RolesAllowedDynamicFeature;
import org.objenesis.Objenesis;
import org.objenesis.ObjenesisStd;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A Jersey server on a loopback port with the controller's auth wired as {@code ControllerApplication} wires it:
 * {@link ClusterAuthFilter}, {@link ApiAuthFilter} over ZooKeeper instance stores, and
 * {@code RolesAllowedDynamicFeature}. Either the controller's real resource classes behind a probe that answers 200
 * naming the caller once auth let a call through (so no resource runs and none needs its dependencies), or given
 * resource instances that do run.
 */
final class AuthServer implements AutoCloseable {
    static final String INSTANCE_SECRET = "auth-test-instance-secret";
    static final String EXECUTOR_SECRET = "auth-test-executor-secret";
    static final InstanceTokens TOKENS = InstanceTokens.of(new InstanceAuthConfig(INSTANCE_SECRET));
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final Objenesis OBJENESIS = new ObjenesisStd(true);

    private final DropwizardTestSupport<Configuration> support;

    /** An HTTP answer: status, headers and the body as JSON (null when it is not JSON). */
    record Answer(int status, JsonNode json, Map<String, List<String>> headers) {
        String message() {
            return json == null || json.get("message") == null ? null : json.get("message").asText();
        }
    }

    private AuthServer(UserAuthConfig users, boolean disableReadAuth, CuratorFramework curator, List<Object> parts) {
        var filter = new ApiAuthFilter(users, disableReadAuth, List.of("POST", "PUT"), new InstanceAuthenticator(
                TOKENS, new ZkInstanceStore(curator), new ZkLocalServiceInstanceStore(curator)));
        support = new DropwizardTestSupport<>(TestApplication.class,
                ResourceHelpers.resourceFilePath("auth/auth-server.yml")) {
            @Override
            public Application<Configuration> newApplication() {
                return new TestApplication(filter, parts);
            }
        };
    }

    /**
     * The controller's resource classes (every endpoint of contract Appendix A) behind the probe: a call that passes
     * auth is answered 200 with {@code data} = the caller's name.
     */
    static AuthServer probing(UserAuthConfig users, boolean disableReadAuth, CuratorFramework curator) {
        var parts = new ArrayList<Object>();
        parts.add(new Probe());
        Stream.of(dev.drove.controller.api.ApplicationResource.class,
                        dev.drove.controller.api.DeprecatedOperationResource.class,
                        dev.drove.controller.api.ClusterResource.class,
                        dev.drove.controller.api.EndpointsResource.class,
                        dev.drove.controller.api.PingResource.class,
                        dev.drove.controller.localservices.LocalServiceResource.class,
                        dev.drove.controller.localservices.ReservedResourcesResource.class,
                        dev.drove.controller.tasks.TaskResource.class,
                        dev.drove.controller.events.EventsResource.class,
                        dev.drove.controller.logs.LogFileResource.class,
                        dev.drove.controller.cluster.ControllerMessagesResource.class,
                        SiblingInstancesResource.class)
                .map(AuthServer::unconstructed)
                .forEach(parts::add);
        return start(new AuthServer(users, disableReadAuth, curator, parts));
    }

    /**
     * An instance of a resource class whose constructor never ran: Jersey reads its annotations, and the probe
     * answers before any of its methods (which would need the real dependencies) could run. Jersey would otherwise
     * build a class-registered resource while routing, before any filter.
     */
    private static Object unconstructed(Class<?> resource) {
        return OBJENESIS.newInstance(resource);
    }

    /** {@code resources} (instances) served with the controller's auth in front. */
    static AuthServer serving(UserAuthConfig users, CuratorFramework curator, Object... resources) {
        return start(new AuthServer(users, false, curator, List.of(resources)));
    }

    private static AuthServer start(AuthServer server) {
        try {
            server.support.before();
        } catch (Exception e) {
            throw new IllegalStateException("The auth test server did not start", e);
        }
        return server;
    }

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** The headers of a call from an executor with the right cluster secret. */
    static Map<String, String> executorCredentials() {
        return Map.of("NodeId", "executor-1", "Node-Type", "EXECUTOR", "Cluster-Authorization", EXECUTOR_SECRET);
    }

    Answer call(String method, String path, Map<String, String> headers) {
        var body = method.equals("GET") || method.equals("DELETE") ? null : "{}";
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + support.getLocalPort() + path))
                .timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null && !headers.containsKey("Content-Type")) {
            request.header("Content-Type", path.endsWith("/search")
                    ? MediaType.APPLICATION_FORM_URLENCODED : MediaType.APPLICATION_JSON);
        }
        headers.forEach(request::header);
        try {
            var response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode json;
            try {
                json = response.body().isEmpty() ? null : Json.mapper().readTree(response.body());
            } catch (IOException notJson) {
                json = null;
            }
            return new Answer(response.statusCode(), json, response.headers().map());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    Answer get(String path, Map<String, String> headers) {
        return call("GET", path, headers);
    }

    @Override
    public void close() {
        support.after();
    }

    public static final class TestApplication extends Application<Configuration> {
        private final ApiAuthFilter filter;
        private final List<Object> parts;

        TestApplication(ApiAuthFilter filter, List<Object> parts) {
            this.filter = filter;
            this.parts = parts;
        }

        @Override
        public void run(Configuration configuration, Environment environment) {
            Json.configure(environment.getObjectMapper());
            ApiExceptionMappers.install(configuration.getServerFactory(), environment);
            environment.jersey().register(new ClusterAuthFilter(new ClusterAuthConfig(List.of(
                    new ClusterSecret(NodeType.EXECUTOR, EXECUTOR_SECRET)))));
            environment.jersey().register(filter);
            environment.jersey().register(RolesAllowedDynamicFeature.class);
            parts.forEach(environment.jersey()::register);
        }
    }

    /** Runs after every auth check: answers 200 with the caller's name, so no resource method runs. */
    @Priority(Priorities.USER)
    private static final class Probe implements ContainerRequestFilter {
        @Override
        public void filter(ContainerRequestContext request) {
            var principal = request.getSecurityContext().getUserPrincipal();
            request.abortWith(Response.ok(ApiResponse.success(principal == null ? null : principal.getName()))
                    .type(MediaType.APPLICATION_JSON_TYPE).build());
        }
    }
}
