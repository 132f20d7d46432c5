package dev.drove.controller.logs;

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
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.function.BiConsumer;

/** A Dropwizard service on loopback ports, wired by the test; called over real HTTP with raw paths. */
final class TestServer implements AutoCloseable {
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private final DropwizardTestSupport<Configuration> support;

    /** An answer: status, body as text, headers. */
    record Answer(int status, String body, HttpHeaders headers) {
        @Override
        public String toString() {
            return status + " " + body;
        }
    }

    private TestServer(BiConsumer<Configuration, Environment> wiring) throws Exception {
        var config = new Configuration();
        var server = (DefaultServerFactory) config.getServerFactory();
        for (var connector : List.of(server.getApplicationConnectors().get(0), server.getAdminConnectors().get(0))) {
            ((HttpConnectorFactory) connector).setPort(0);
            ((HttpConnectorFactory) connector).setBindHost("127.0.0.1");
        }
        support = new DropwizardTestSupport<>(App.class, config) {
            @Override
            public Application<Configuration> newApplication() {
                return new App(wiring);
            }
        };
        support.before();
    }

    static TestServer start(BiConsumer<Configuration, Environment> wiring) throws Exception {
        return new TestServer(wiring);
    }

    int port() {
        return support.getLocalPort();
    }

    Answer get(String path) {
        try {
            var response = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port() + path)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body(), response.headers());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        support.after();
    }

    /** Runs the test's wiring with the project's JSON rules. */
    public static final class App extends Application<Configuration> {
        private final BiConsumer<Configuration, Environment> wiring;

        public App() {
            this((config, environment) -> { });
        }

        App(BiConsumer<Configuration, Environment> wiring) {
            this.wiring = wiring;
        }

        @Override
        public void run(Configuration configuration, Environment environment) {
            Json.configure(environment.getObjectMapper());
            wiring.accept(configuration, environment);
        }
    }
}
