package dev.drove.executor.checks;

import io.dropwizard.util.Duration;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedTrustManager;
import java.net.Socket;
import java.net.http.HttpClient;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
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
            builder.sslContext(trustingEveryone());
        }
        return builder.build();
    }

    /**
     * A TLS context that accepts any server certificate. Being an {@link X509ExtendedTrustManager}, its trust manager
     * also replaces the JDK's hostname (endpoint identification) check, which it skips.
     */
    private static SSLContext trustingEveryone() {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[]{new TrustingEveryone()}, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot set up TLS for insecure HTTPS checks", e);
        }
    }

    private record Settings(java.time.Duration connectionTimeout, boolean insecure) {
    }

    /** Trusts every certificate chain; only for checks whose spec says {@code insecure}. */
    private static final class TrustingEveryone extends X509ExtendedTrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
