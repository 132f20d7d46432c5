package dev.drove.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import dev.drove.models.json.Json;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/**
 * A client of the controller's REST API as drove-cli and curl use it: JSON in, the envelope out. The benchmarks
 * ({@code dev.drove.e2e.bench}) use it too, hence the few public members.
 */
public final class DroveApi {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    /** An answer: its HTTP status and the parsed envelope (or null when the body is not JSON). */
    public record Answer(int status, JsonNode body) {
        public JsonNode data() {
            return body == null ? null : body.get("data");
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }

    private final String base;
    private final HttpClient http;
    /** The Authorization header every call sends, or null for none. */
    private final String authorization;

    public DroveApi(int port) {
        this("http://127.0.0.1:" + port, HTTP);
    }

    /** A client of the API at {@code base} ({@code https://127.0.0.1:port}) through {@code http}. */
    DroveApi(String base, HttpClient http) {
        this(base, http, null);
    }

    private DroveApi(String base, HttpClient http, String authorization) {
        this.base = base;
        this.http = http;
        this.authorization = authorization;
    }

    /** The same API called as {@code user} with HTTP Basic credentials (for clusters with user auth). */
    DroveApi as(String user, String password) {
        var credentials = java.util.Base64.getEncoder().encodeToString(
                (user + ":" + password).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return new DroveApi(base, http, "Basic " + credentials);
    }

    public Answer get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    /** A GET with extra headers, such as a cluster node's credentials. */
    Answer get(String path, Map<String, String> headers) {
        var request = HttpRequest.newBuilder(URI.create(base + path)).GET();
        headers.forEach(request::header);
        return send(request);
    }

    Answer post(String path, String json) {
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    public Answer post(String path, Object body) {
        try {
            return post(path, Json.mapper().writeValueAsString(body));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A POST of {@code body} as JSON with extra headers, such as an instance's App-Instance-Authorization. */
    Answer post(String path, Object body, Map<String, String> headers) {
        try {
            var request = HttpRequest.newBuilder(URI.create(base + path))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(Json.mapper().writeValueAsString(body)));
            headers.forEach(request::header);
            return send(request);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Answer delete(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).DELETE());
    }

    /** Where a form post sends the browser: the status and the Location header (redirects are not followed). */
    record Redirect(int status, String location) {
    }

    Redirect postForm(String path, String form) {
        try {
            var response = http.send(authorized(HttpRequest.newBuilder(URI.create(base + path)))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.discarding());
            return new Redirect(response.statusCode(), response.headers().firstValue("Location").orElse(null));
        } catch (IOException e) {
            return new Redirect(-1, null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private HttpRequest.Builder authorized(HttpRequest.Builder request) {
        return authorization == null ? request : request.header("Authorization", authorization);
    }

    private Answer send(HttpRequest.Builder request) {
        try {
            var response = http.send(authorized(request).timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            JsonNode body;
            try {
                body = Json.mapper().readTree(response.body());
            } catch (IOException notJson) {
                body = null;
            }
            return new Answer(response.statusCode(), body);
        } catch (IOException e) {
            return new Answer(-1, null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
