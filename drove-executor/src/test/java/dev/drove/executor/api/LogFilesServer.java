package dev.drove.executor.api;

import dev.drove.common.auth.ClusterAuthConfig;
import dev.drove.common.auth.ClusterAuthFilter;
import dev.drove.common.auth.ClusterSecret;
import dev.drove.common.errors.ApiExceptionMappers;
import dev.drove.executor.logs.InstanceLogFolders;
import dev.drove.models.info.nodedata.NodeType;
import dev.drove.models.json.Json;
import io.dropwizard.core.Application;
import io.dropwizard.core.Configuration;
import io.dropwizard.core.server.DefaultServerFactory;
import io.dropwizard.core.setup.Environment;
import io.dropwizard.jetty.HttpConnectorFactory;
import io.dropwizard.testing.DropwizardTestSupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

/**
 * The executor's log file API on a loopback port, wired as the executor wires it (error envelope, cluster auth,
 * {@link LogFilesResource}); tests call it over real HTTP with raw paths, so encoded names reach the server as sent.
 */
final class LogFilesServer implements AutoCloseable {
    static final ClusterAuthConfig AUTH = new ClusterAuthConfig(java.util.List.of(
            new ClusterSecret(NodeType.CONTROLLER, "controller-secret-for-logs"),
            new ClusterSecret(NodeType.EXECUTOR, "executor-secret-for-logs")));
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private final DropwizardTestSupport<Configuration> support;

    /** An answer: status, the body as text and the headers. */
    record Answer(int status, String body, java.net.http.HttpHeaders headers) {
    }

    LogFilesServer(InstanceLogFolders folders) throws Exception {
        var config = new Configuration();
        var server = (DefaultServerFactory) config.getServerFactory();
        for (var connector : java.util.List.of(server.getApplicationConnectors().get(0),
                server.getAdminConnectors().get(0))) {
            ((HttpConnectorFactory) connector).setPort(0);
            ((HttpConnectorFactory) connector).setBindHost("127.0.0.1");
        }
        support = new DropwizardTestSupport<>(App.class, config) {
            @Override
            public Application<Configuration> newApplication() {
                return new App(folders);
            }
        };
        support.before();
    }

    /** GETs {@code path} as the node type would, with its configured secret; null: no cluster headers. */
    Answer get(String path, NodeType caller) {
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + support.getLocalPort() + path)).GET();
        if (caller != null) {
            Map<String, String> headers = AUTH.credentials(caller, "node-1").headers();
            headers.forEach(request::header);
        }
        try {
            var response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body(), response.headers());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    Answer get(String path) {
        return get(path, NodeType.CONTROLLER);
    }

    @Override
    public void close() {
        support.after();
    }

    /** The parts of the executor application the log API needs. */
    public static final class App extends Application<Configuration> {
        private final InstanceLogFolders folders;

        public App() {
            this(null);
        }

        App(InstanceLogFolders folders) {
            this.folders = folders;
        }

        @Override
        public void run(Configuration configuration, Environment environment) {
            Json.configure(environment.getObjectMapper());
            ApiExceptionMappers.install(configuration.getServerFactory(), environment);
            environment.jersey().register(new ClusterAuthFilter(AUTH));
            environment.jersey().register(new LogFilesResource(folders));
        }
    }
}
