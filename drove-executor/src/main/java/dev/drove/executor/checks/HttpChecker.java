package dev.drove.executor.checks;

import dev.drove.models.application.checks.CheckResult;
import dev.drove.models.application.checks.HTTPCheckModeSpec;
import dev.drove.models.common.HTTPVerb;
import io.dropwizard.util.Duration;

import javax.net.ssl.SSLException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;

/**
 * An HTTP check: {@code verb http(s)://localhost:{hostPort}{path}}, passing when the status is one of the spec's
 * success codes (drove-contract.md §3). The spec's {@code connectionTimeout} bounds the connection, the check's
 * timeout the whole request. Redirects are not followed.
 */
final class HttpChecker implements Checker {
    /** Checks always call the executor's own host: the container port is published on it. */
    static final String HOST = "localhost";

    private final HTTPCheckModeSpec spec;
    private final URI uri;
    private final Duration timeout;
    private final HttpClient client;

    HttpChecker(HTTPCheckModeSpec spec, int hostPort, Duration timeout) {
        this.spec = spec;
        this.uri = URI.create(spec.protocol().name().toLowerCase() + "://" + HOST + ":" + hostPort
                + (spec.path().startsWith("/") ? "" : "/") + spec.path());
        this.timeout = timeout;
        this.client = HttpCheckClients.client(spec.connectionTimeout(), spec.insecure());
    }

    @Override
    public CheckResult check() {
        String call = spec.verb() + " " + uri;
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(timeout.toJavaDuration())
                .method(spec.verb().name(), body())
                .build();
        try {
            int status = client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            String answer = call + " answered " + status;
            return spec.successCodes().contains(status)
                    ? new CheckResult(CheckResult.Status.HEALTHY, answer)
                    : CheckResult.unhealthy(answer);
        } catch (HttpConnectTimeoutException e) {
            return CheckResult.unhealthy(call + " failed: could not connect within " + spec.connectionTimeout());
        } catch (HttpTimeoutException e) {
            return CheckResult.unhealthy(call + " failed: timed out after " + timeout);
        } catch (ConnectException e) {
            return CheckResult.unhealthy(call + " failed: connection refused");
        } catch (SSLException e) {
            return CheckResult.unhealthy(call + " failed: TLS handshake failed (" + e.getMessage() + ")");
        } catch (IOException e) {
            return CheckResult.unhealthy(call + " failed: " + describe(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return CheckResult.unhealthy(call + " failed: interrupted");
        }
    }

    /** The payload for POST and PUT (empty when absent); GET sends no body. */
    private HttpRequest.BodyPublisher body() {
        if (spec.verb() == HTTPVerb.GET) {
            return HttpRequest.BodyPublishers.noBody();
        }
        return HttpRequest.BodyPublishers.ofString(spec.payload() == null ? "" : spec.payload());
    }

    private static String describe(IOException e) {
        Throwable cause = e;
        while (cause.getMessage() == null && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    }

    @Override
    public String toString() {
        return "HTTP check " + spec.verb() + " " + uri;
    }
}
