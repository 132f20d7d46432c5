package dev.drove.executor.engine;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.httpclient5.ApacheDockerHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Duration;

/**
 * The two docker-java clients of the executor, both over the httpclient5 transport on {@code options.dockerSocketPath}:
 * <ul>
 *     <li>{@link #commands()}: short requests (create, inspect, kill, list…), each bounded by
 *     {@code options.containerCommandTimeout};</li>
 *     <li>{@link #streams()}: requests that legitimately stay silent for long (events, log follow, pull, exec
 *     output, stop with a grace period). httpclient5's response timeout is a read timeout, so these get none and
 *     callers bound them with {@code awaitCompletion}.</li>
 * </ul>
 */
public final class DockerClients implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DockerClients.class);
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

    private final DockerClient commands;
    private final DockerClient streams;
    private final String host;

    private DockerClients(DockerClient commands, DockerClient streams, String host) {
        this.commands = commands;
        this.streams = streams;
        this.host = host;
    }

    /** Connects lazily: no request is sent until the first command. */
    public static DockerClients create(ExecutorOptions options) {
        DockerClientConfig config = DefaultDockerClientConfig.createDefaultConfigBuilder()
                .withDockerHost("unix://" + options.dockerSocketPath())
                .build();
        DockerClient commands = client(config, options.containerCommandTimeout().toJavaDuration(), 64);
        DockerClient streams = client(config, null, 256);
        LOG.info("Container engine at {} (command timeout {})", config.getDockerHost(),
                options.containerCommandTimeout());
        return new DockerClients(commands, streams, config.getDockerHost().toString());
    }

    private static DockerClient client(DockerClientConfig config, Duration responseTimeout, int maxConnections) {
        var http = new ApacheDockerHttpClient.Builder()
                .dockerHost(config.getDockerHost())
                .sslConfig(config.getSSLConfig())
                .maxConnections(maxConnections)
                .connectionTimeout(CONNECT_TIMEOUT);
        if (responseTimeout != null) {
            http.responseTimeout(responseTimeout);
        }
        return DockerClientImpl.getInstance(config, http.build());
    }

    /** For requests that answer promptly; each is bounded by {@code containerCommandTimeout}. */
    public DockerClient commands() {
        return commands;
    }

    /** For long-lived streams; callers must bound them themselves. */
    public DockerClient streams() {
        return streams;
    }

    /** The engine's address, e.g. {@code unix:///var/run/docker.sock}. */
    public String host() {
        return host;
    }

    @Override
    public void close() {
        closeQuietly(commands);
        closeQuietly(streams);
    }

    private static void closeQuietly(DockerClient client) {
        try {
            client.close();
        } catch (IOException e) {
            LOG.debug("Could not close a docker client cleanly: {}", e.getMessage());
        }
    }
}
