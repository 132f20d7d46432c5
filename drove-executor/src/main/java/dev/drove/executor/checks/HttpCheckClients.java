package dev.drove.executor.checks;

import dev.drove.common.http.InsecureTls;
import io.dropwizard.util.Duration;

import java.net.http.HttpClient;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The HTTP clients of the checks, one per (connection timeout, insecure) pair for the whole process. A JDK
 * {@link HttpClient} owns a selector thread and a connection pool, so checkers share clients instead of each making
 * its own; a spec has few distinct connection timeouts, so the map stays small.
 */
final class HttpCheckClients {
    private static final Map<Settings, HttpClient> CLIENTS = new ConcurrentHashMap<>();

    private HttpCheckClients() {
    }

    /**
     * The shared client for these settings.
     *
     * @param insecure true: trust every certificate and skip the hostname check (the spec's {@code insecure})
     */
    static HttpClient client(Duration connectionTimeout, boolean insecure) {
        return CLIENTS.computeIfAbsent(new Settings(connectionTimeout.toJavaDuration(), insecure),
                HttpCheckClients::build);
    }

    private static HttpClient build(Settings settings) {
        HttpClient.Builder builder = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER);
        if (!settings.connectionTimeout().isZero()) {
            builder.connectTimeout(settings.connectionTimeout());
        }
        if (settings.insecure()) {
            builder.sslContext(InsecureTls.trustingAnyCertificate());
        }
        return builder.build();
    }

    private record Settings(java.time.Duration connectionTimeout, boolean insecure) {
    }
}
