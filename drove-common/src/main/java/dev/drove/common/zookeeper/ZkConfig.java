package dev.drove.common.zookeeper;

import com.fasterxml.jackson.annotation.JsonAlias;
import io.dropwizard.util.Duration;
import jakarta.validation.constraints.NotEmpty;

/**
 * The {@code zookeeper} config section, the same on every node of a cluster (docs: cluster/setup/controller.md,
 * "Zookeeper Connection Configuration").
 *
 * <pre>
 * zookeeper:
 *   connectionString: "192.168.3.10:2181,192.168.3.11:2181,192.168.3.12:2181"
 *   namespace: drovetest
 * </pre>
 *
 * @param connectionString  {@code host:port[,host:port...]}; required
 * @param namespace         the top-level znode all Drove data lives under; {@code drove} when absent. Also read as
 *                          {@code nameSpace}, the spelling of the original's code
 * @param sessionTimeout    ours: how long ZooKeeper keeps this node's session (and its ephemeral node data) while it
 *                          is unreachable; 30 seconds when absent, as the original
 * @param connectionTimeout ours: how long one connection attempt may take; 10 seconds when absent
 */
public record ZkConfig(@NotEmpty String connectionString,
                       @JsonAlias("nameSpace") String namespace,
                       Duration sessionTimeout,
                       Duration connectionTimeout) {
    public static final String DEFAULT_NAMESPACE = "drove";

    public ZkConfig {
        namespace = namespace == null || namespace.isBlank() ? DEFAULT_NAMESPACE : namespace;
        sessionTimeout = sessionTimeout == null ? Duration.seconds(30) : sessionTimeout;
        connectionTimeout = connectionTimeout == null ? Duration.seconds(10) : connectionTimeout;
    }

    /** A config for {@code connectionString} with every default. */
    public static ZkConfig of(String connectionString) {
        return new ZkConfig(connectionString, null, null, null);
    }
}
