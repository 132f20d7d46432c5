package dev.drove.common.http;

import io.dropwizard.util.Duration;

/**
 * How long a {@link ClusterHttpClient} waits: for the TCP (and TLS) connection, and for the whole answer once the
 * request is sent. Absent values default to 1 second and 5 seconds.
 */
public record ClusterClientTimeouts(Duration connectTimeout, Duration responseTimeout) {
    public static final ClusterClientTimeouts DEFAULTS = new ClusterClientTimeouts(null, null);

    public ClusterClientTimeouts {
        connectTimeout = connectTimeout == null ? Duration.seconds(1) : connectTimeout;
        responseTimeout = responseTimeout == null ? Duration.seconds(5) : responseTimeout;
    }
}
