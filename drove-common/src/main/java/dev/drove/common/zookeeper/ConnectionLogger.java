package dev.drove.common.zookeeper;

import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.state.ConnectionState;
import org.apache.curator.framework.state.ConnectionStateListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Tells the operator, in one line per change, what the ZooKeeper connection is doing and what it means. */
final class ConnectionLogger implements ConnectionStateListener {
    private static final Logger log = LoggerFactory.getLogger(ConnectionLogger.class);

    private final ZkConfig config;

    ConnectionLogger(ZkConfig config) {
        this.config = config;
    }

    @Override
    public void stateChanged(CuratorFramework client, ConnectionState state) {
        switch (state) {
            case CONNECTED -> log.info("Connected to ZooKeeper at {} (namespace '{}')", config.connectionString(),
                    config.namespace());
            case RECONNECTED -> log.info("Reconnected to ZooKeeper at {}", config.connectionString());
            case SUSPENDED -> log.warn("ZooKeeper connection to {} suspended; retrying every second. Containers keep "
                    + "running", config.connectionString());
            case LOST -> log.error("Lost ZooKeeper connection; containers keep running. The session to {} expired "
                    + "(no answer for {}); retrying every second, node data is published again on reconnect",
                    config.connectionString(), config.sessionTimeout());
            case READ_ONLY -> log.warn("ZooKeeper at {} is read-only (no quorum); writes fail until it recovers",
                    config.connectionString());
            default -> log.info("ZooKeeper connection to {} is {}", config.connectionString(), state);
        }
    }
}
