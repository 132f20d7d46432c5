package dev.drove.controller.operations;

import dev.drove.models.common.HTTPCallSpec;
import dev.drove.models.common.HTTPVerb;
import dev.drove.models.config.ConfigSpec;
import dev.drove.models.config.ControllerHttpFetchConfigSpec;
import dev.drove.models.config.InlineConfigSpec;

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
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Fetches every {@code CONTROLLER_HTTP_FETCH} config of a spec and replaces it by an {@code INLINE} one with the
 * fetched content, so the executor gets the file as the controller saw it at start time (contract §4; docs:
 * snippets/common_configs.md, "Config Specification"). Other configs pass unchanged. The call honours the
 * {@link HTTPCallSpec}: verb and payload, headers, {@code authHeader} or basic credentials, both timeouts,
 * {@code insecure}; the content counts only with one of {@code successCodes}.
 */
class ConfigInliner {

    /** The configs with controller fetches done; throws naming the file and URL (never credentials) on failure. */
    List<ConfigSpec> inline(List<ConfigSpec> configs) throws ConfigFetchException {
        var result = new ArrayList<ConfigSpec>(configs.size());
        for (var config : configs) {
            if (config instanceof ControllerHttpFetchConfigSpec fetch) {
                result.add(new InlineConfigSpec(fetch.localFilename(), fetch(fetch.localFilename(), fetch.http())));
            } else {
                result.add(config);
            }
        }
        return result;
    }

    byte[] fetch(String localFilename, HTTPCallSpec call) throws ConfigFetchException {
        var what = call.verb() + " " + call.url() + " for config " + localFilename;
        HttpResponse<byte[]> response;
        try {
            response = client(call).send(request(call), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException | IllegalArgumentException e) {
            throw new ConfigFetchException(what + " failed: " + (e.getMessage() == null
                    ? e.getClass().getSimpleName() : e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConfigFetchException(what + " was interrupted");
        }
        if (!call.succeedsWith(response.statusCode())) {
            throw new ConfigFetchException(what + " answered " + response.statusCode() + ", not one of "
                    + call.successCodes());
        }
        return response.body();
    }

    /** A controller-fetched config could not be fetched; the instance is not started. */
    static final class ConfigFetchException extends Exception {
        ConfigFetchException(String message) {
            super(message);
        }
    }

    private static HttpClient client(HTTPCallSpec call) {
        var builder = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NORMAL);
        var connect = call.connectionTimeout().toJavaDuration();
        if (!connect.isZero()) {
            builder.connectTimeout(connect);
        }
        if (call.insecure()) {
            builder.sslContext(trustingAnyCertificate());
        }
        return builder.build();
    }

    private static HttpRequest request(HTTPCallSpec call) {
        var request = HttpRequest.newBuilder(URI.create(call.url()));
        var operation = call.operationTimeout().toJavaDuration();
        if (!operation.isZero()) {
            request.timeout(operation);
        }
        call.headers().forEach(request::header);
        if (call.authHeader() != null && !call.authHeader().isBlank()) {
            request.setHeader("Authorization", call.authHeader());
        } else if (call.username() != null && !call.username().isBlank()) {
            var credentials = call.username() + ":" + (call.password() == null ? "" : call.password());
            request.setHeader("Authorization", "Basic "
                    + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        }
        var body = call.verb() == HTTPVerb.GET || call.payload() == null
                ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(call.payload());
        return request.method(call.verb().name(), body).build();
    }

    /** For {@code insecure} calls: any certificate, any host name (an extended trust manager skips both checks). */
    private static SSLContext trustingAnyCertificate() {
        try {
            var context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[]{new AnyCertificate()}, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot set up TLS for an insecure config fetch", e);
        }
    }

    private static final class AnyCertificate extends X509ExtendedTrustManager {
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
