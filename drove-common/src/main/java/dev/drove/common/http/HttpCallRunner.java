package dev.drove.common.http;

import dev.drove.models.common.HTTPCallSpec;
import dev.drove.models.common.HTTPVerb;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Makes the call an {@link HTTPCallSpec} describes (docs: snippets/common_configs.md, "HTTP Call Specification"),
 * for config files fetched by the controller ({@code CONTROLLER_HTTP_FETCH}) or the executor
 * ({@code EXECUTOR_HTTP_FETCH}): the verb with its payload for POST and PUT, the extra headers, {@code authHeader} as
 * the {@code Authorization} header or else basic auth from {@code username}/{@code password}, the connection and
 * operation timeouts, and {@code insecure}. Redirects are followed.
 */
public final class HttpCallRunner {
    private HttpCallRunner() {
    }

    /** A call that failed or answered a status outside {@code successCodes}; the message never holds credentials. */
    public static final class HttpCallFailure extends Exception {
        HttpCallFailure(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /**
     * The body of a successful call.
     *
     * @param purpose what the call is for, in the failure message ("config /etc/app.yml")
     */
    public static byte[] fetch(HTTPCallSpec call, String purpose) throws HttpCallFailure {
        var what = call.verb() + " " + call.url() + " for " + purpose;
        HttpResponse<byte[]> response;
        try {
            response = client(call).send(request(call), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException | IllegalArgumentException e) {
            throw new HttpCallFailure(what + " failed: " + (e.getMessage() == null
                    ? e.getClass().getSimpleName() : e.getMessage()), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HttpCallFailure(what + " was interrupted", e);
        }
        if (!call.succeedsWith(response.statusCode())) {
            throw new HttpCallFailure(what + " answered " + response.statusCode() + ", expected one of "
                    + call.successCodes(), null);
        }
        return response.body();
    }

    private static HttpClient client(HTTPCallSpec call) {
        var builder = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NORMAL);
        var connect = call.connectionTimeout().toJavaDuration();
        if (!connect.isZero()) {
            builder.connectTimeout(connect);
        }
        if (call.insecure()) {
            builder.sslContext(InsecureTls.trustingAnyCertificate());
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
}
