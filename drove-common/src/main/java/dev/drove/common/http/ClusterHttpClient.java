package dev.drove.common.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JavaType;
import dev.drove.common.auth.ClusterCredentials;
import dev.drove.models.json.Json;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * The client one cluster node uses to call another: JSON over HTTP(S) with the sender's {@link ClusterCredentials}
 * as the {@code NodeId}, {@code Node-Type} and {@code Cluster-Authorization} headers (contract §4).
 *
 * <p>Every call either returns the answer, whatever its status, or throws {@link ClusterCallException} when no answer
 * came (including after the response timeout). It never retries: callers know whether a message may be resent.
 * Thread-safe; make one per node and share it.
 *
 * <p>Built on {@link java.net.http.HttpClient}, made by {@link ClusterTls} like every inter-node client: it is in the
 * JDK, has a connect timeout and a per-request timeout that covers the whole answer, and sends the headers exactly as
 * given. A peer whose node data says HTTPS is called over https with the node's {@code clusterTls} trust.
 *
 * <p>At most {@link #MAX_IN_FLIGHT} calls are on the wire at once; more callers wait their turn (up to
 * {@link #LONGEST_TURN_WAIT}). The JDK client drives every connection from one selector thread: a leader starting
 * thousands of instances at once sent a START for each at the same moment, and most of them failed with "HTTP connect
 * timed out" although the executors answered at once (measured by the control-plane bench, 1,000 executors).
 */
public final class ClusterHttpClient {
    private static final String JSON_TYPE = "application/json";
    /** How many calls of one client may be under way at once. */
    static final int MAX_IN_FLIGHT = 64;
    /** How long a call waits for its turn before it fails without being sent. */
    static final Duration LONGEST_TURN_WAIT = Duration.ofSeconds(30);

    private final Semaphore turns = new Semaphore(MAX_IN_FLIGHT, true);

    private final HttpClient http;
    private final ClusterCredentials credentials;
    private final Duration responseTimeout;
    private final ClusterTls tls;

    /** A client that trusts peers' certificates as {@code tls} says (the node's {@code clusterTls} section). */
    public ClusterHttpClient(ClusterCredentials credentials, ClusterClientTimeouts timeouts, ClusterTls tls) {
        this.credentials = credentials;
        this.tls = tls;
        this.responseTimeout = Duration.ofMillis(timeouts.responseTimeout().toMilliseconds());
        this.http = tls.newHttpClient(Duration.ofMillis(timeouts.connectTimeout().toMilliseconds()));
    }

    /** A client with the JVM's default trust, for nodes without a {@code clusterTls} section. */
    public ClusterHttpClient(ClusterCredentials credentials, ClusterClientTimeouts timeouts) {
        this(credentials, timeouts, ClusterTls.jvmDefault());
    }

    /** A client with the default timeouts and the JVM's default trust. */
    public ClusterHttpClient(ClusterCredentials credentials) {
        this(credentials, ClusterClientTimeouts.DEFAULTS);
    }

    /** The credentials this client sends. */
    public ClusterCredentials credentials() {
        return credentials;
    }

    /** The trust this client calls with; other inter-node clients of the same node are made from it. */
    public ClusterTls tls() {
        return tls;
    }

    /** {@code POST}s {@code body} as JSON to {@code path} on {@code target}; reads the answer as {@code type}. */
    public <T> ClusterResponse<T> post(NodeEndpoint target, String path, Object body, Class<T> type) {
        return post(target, path, body, Json.mapper().constructType(type));
    }

    /** As {@link #post(NodeEndpoint, String, Object, Class)}, for generic answers such as an ApiResponse. */
    public <T> ClusterResponse<T> post(NodeEndpoint target, String path, Object body, TypeReference<T> type) {
        return post(target, path, body, Json.mapper().constructType(type));
    }

    /** {@code GET}s {@code path} on {@code target}; reads the answer as {@code type}. */
    public <T> ClusterResponse<T> get(NodeEndpoint target, String path, Class<T> type) {
        return call("GET", target.uri(path), HttpRequest.BodyPublishers.noBody(), Json.mapper().constructType(type));
    }

    /** As {@link #get(NodeEndpoint, String, Class)}, for generic answers such as an ApiResponse. */
    public <T> ClusterResponse<T> get(NodeEndpoint target, String path, TypeReference<T> type) {
        return call("GET", target.uri(path), HttpRequest.BodyPublishers.noBody(), Json.mapper().constructType(type));
    }

    private <T> ClusterResponse<T> post(NodeEndpoint target, String path, Object body, JavaType type) {
        var uri = target.uri(path);
        byte[] json;
        try {
            json = Json.mapper().writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new ClusterCallException("POST " + uri + " not sent: the body could not be written as JSON: "
                    + e.getOriginalMessage(), e);
        }
        return call("POST", uri, HttpRequest.BodyPublishers.ofByteArray(json), type);
    }

    private <T> ClusterResponse<T> call(String method, URI uri, HttpRequest.BodyPublisher body, JavaType type) {
        var request = HttpRequest.newBuilder(uri)
                .timeout(responseTimeout)
                .header("Accept", JSON_TYPE);
        if (!"GET".equals(method)) {
            request.header("Content-Type", JSON_TYPE);
        }
        credentials.headers().forEach(request::header);
        HttpResponse<String> response;
        try {
            if (!turns.tryAcquire(LONGEST_TURN_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new ClusterCallException(method + " " + uri + " not sent: " + MAX_IN_FLIGHT + " calls to other "
                        + "nodes have been under way for " + LONGEST_TURN_WAIT.toSeconds() + " s", null);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ClusterCallException(method + " " + uri + " was interrupted", e);
        }
        try {
            response = http.send(request.method(method, body).build(), HttpResponse.BodyHandlers.ofString());
        } catch (HttpTimeoutException e) {
            throw new ClusterCallException(method + " " + uri + " failed: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new ClusterCallException(method + " " + uri + " failed: " + ClusterTls.explain(e), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ClusterCallException(method + " " + uri + " was interrupted", e);
        } finally {
            turns.release();
        }
        return new ClusterResponse<>(response.statusCode(), parse(response.body(), type), response.body());
    }

    private static <T> T parse(String text, JavaType type) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Json.mapper().readValue(text, type);
        } catch (JsonProcessingException notOurJson) {
            return null;
        }
    }
}
