package dev.drove.models.common;

import dev.drove.models.validation.CrossChecked;
import dev.drove.models.validation.Problem;
import dev.drove.models.validation.SelfChecking;
import io.dropwizard.util.Duration;
import io.dropwizard.validation.MinDuration;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An HTTP call to a system outside the cluster, such as a configuration server (docs: snippets/common_configs.md,
 * "HTTP Call Specification").
 *
 * <p>Absent fields take the documented defaults: protocol HTTP, port 80 for HTTP and 443 for HTTPS, path "/", verb
 * GET, success codes [200], connection timeout 1 second. The operation timeout defaults to 1 second too, as in the
 * original. {@link #toString()} masks the credentials, which the UI masks as well.
 */
@CrossChecked
public record HTTPCallSpec(
        Protocol protocol,
        @NotEmpty String hostname,
        @Min(1) @Max(65535) int port,
        @NotEmpty String path,
        HTTPVerb verb,
        Set<Integer> successCodes,
        String payload,
        @MinDuration(value = 0, message = "must not be negative") Duration connectionTimeout,
        @MinDuration(value = 0, message = "must not be negative") Duration operationTimeout,
        String username,
        String password,
        String authHeader,
        Map<String, String> headers,
        boolean insecure) implements SelfChecking {

    public static final Duration DEFAULT_TIMEOUT = Duration.seconds(1);

    public HTTPCallSpec {
        protocol = protocol == null ? Protocol.HTTP : protocol;
        port = port == 0 ? protocol.defaultPort() : port;
        path = path == null ? "/" : path;
        verb = verb == null ? HTTPVerb.GET : verb;
        successCodes = successCodes == null || successCodes.isEmpty()
                ? Set.of(200) : Collections.unmodifiableSet(new LinkedHashSet<>(successCodes));
        connectionTimeout = connectionTimeout == null ? DEFAULT_TIMEOUT : connectionTimeout;
        operationTimeout = operationTimeout == null ? DEFAULT_TIMEOUT : operationTimeout;
        headers = headers == null ? Map.of() : Map.copyOf(headers);
    }

    /** A GET of {@code path} on {@code hostname} with every other field at its default. */
    public static HTTPCallSpec get(Protocol protocol, String hostname, int port, String path) {
        return new HTTPCallSpec(protocol, hostname, port, path, null, null, null, null, null, null, null, null, null,
                false);
    }

    /** The URL this spec calls, such as {@code http://configserver:8080/configs/app}. */
    public String url() {
        return protocol.name().toLowerCase() + "://" + hostname + ":" + port + (path.startsWith("/") ? "" : "/") + path;
    }

    /** Whether a response status counts as success for this call. */
    public boolean succeedsWith(int status) {
        return successCodes.contains(status);
    }

    @Override
    public List<Problem> problems() {
        return successCodeProblems("successCodes", successCodes);
    }

    /** The HTTP status codes of a spec must be real ones (100..599); shared with HTTP checks. */
    public static List<Problem> successCodeProblems(String path, Set<Integer> codes) {
        var problems = new ArrayList<Problem>();
        if (codes == null) {
            return problems;
        }
        for (var code : codes) {
            if (code == null || code < 100 || code > 599) {
                problems.add(Problem.at(path, "must hold HTTP status codes between 100 and 599, not %s", code));
            }
        }
        return problems;
    }

    @Override
    public String toString() {
        return "HTTPCallSpec[" + verb + " " + url() + ", successCodes=" + successCodes
                + ", connectionTimeout=" + connectionTimeout + ", operationTimeout=" + operationTimeout
                + ", credentials=" + (username != null || password != null || authHeader != null ? "***" : "none")
                + ", headers=" + headers.keySet() + ", insecure=" + insecure + "]";
    }
}
