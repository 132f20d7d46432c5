package dev.drove.executor.instances;

import dev.drove.models.common.HTTPCallSpec;
import dev.drove.models.common.HTTPVerb;
import jakarta.inject.Inject;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedTrustManager;
import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Base64;

/**
 * Fetches an {@code EXECUTOR_HTTP_FETCH} config with its {@link HTTPCallSpec} (docs: snippets/common_configs.md,
 * "HTTP Call Specification"): the verb with its payload for POST and PUT, the extra headers, {@code authHeader} as
 * the {@code Authorization} header or else basic auth from {@code username}/{@code password}, the connection and
 * operation timeouts, and {@code insecure} (no certificate or hostname check). The body is the file's content when
 * the status is one of {@code successCodes}. Redirects are followed.
 */
final class HttpConfigFetch {

    @Inject
    HttpConfigFetch() {
    }

    /**
     * @throws ConfigFileException when the call fails or answers a status outside {@code successCodes}; the message
     *                             names the file and the URL but never the credentials
     */
    byte[] fetch(String localFilename, HTTPCallSpec call) throws ConfigFileException {
        String what = call.verb() + " " + call.url() + " for config " + localFilename;
        HttpResponse<byte[]> response;
        try {
            response = client(call).send(request(call), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException | IllegalArgumentException e) {
            throw new ConfigFileException(what + " failed: " + (e.getMessage() == null
                    ? e.getClass().getSimpleName() : e.getMessage()), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConfigFileException(what + " was interrupted", e);
        }
        if (!call.succeedsWith(response.statusCode())) {
            throw new ConfigFileException(what + " answered " + response.statusCode() + ", expected one of "
                    + call.successCodes());
        }
        return response.body();
    }

    private static HttpClient client(HTTPCallSpec call) {
        HttpClient.Builder builder = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NORMAL);
        Duration connect = call.connectionTimeout().toJavaDuration();
        if (!connect.isZero()) {
            builder.connectTimeout(connect);
        }
        if (call.insecure()) {
            builder.sslContext(trustingEveryone());
        }
        return builder.build();
    }

    private static HttpRequest request(HTTPCallSpec call) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(call.url()));
        Duration operation = call.operationTimeout().toJavaDuration();
        if (!operation.isZero()) {
            request.timeout(operation);
        }
        call.headers().forEach(request::header);
        if (call.authHeader() != null && !call.authHeader().isBlank()) {
            request.setHeader("Authorization", call.authHeader());
        } else if (call.username() != null && !call.username().isBlank()) {
            String credentials = call.username() + ":" + (call.password() == null ? "" : call.password());
            request.setHeader("Authorization", "Basic "
                    + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        }
        HttpRequest.BodyPublisher body = call.verb() == HTTPVerb.GET || call.payload() == null
                ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(call.payload());
        return request.method(call.verb().name(), body).build();
    }

    /** Accepts every certificate; being an extended trust manager, it also replaces the hostname check. */
    private static SSLContext trustingEveryone() {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[]{new TrustingEveryone()}, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot set up TLS for an insecure config fetch", e);
        }
    }

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
