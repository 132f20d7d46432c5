package dev.drove.common.zookeeper;

import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.retry.RetryForever;

/** Builds the one ZooKeeper client of a node from its {@link ZkConfig}. */
public final class Curators {
    private static final int RETRY_INTERVAL_MS = 1000;

    private Curators() {
    }

    /**
     * A started client scoped to the config's namespace, with the config's session and connection timeouts, that
     * logs every connection change. It returns without waiting for the connection; call
     * {@code blockUntilConnected} where a connection must exist first. The caller closes it at shutdown.
     *
     * <p>Operations retry forever, once a second, as the original's: a write made while ZooKeeper is away waits for
     * it instead of failing, so the state machines need no failure path for a ZooKeeper outage. The connection
     * itself is re-established by ZooKeeper's client whatever the retry policy.
     */
    public static CuratorFramework start(ZkConfig config) {
        var curator = CuratorFrameworkFactory.builder()
                .connectString(config.connectionString())
                .namespace(config.namespace())
                .sessionTimeoutMs(Math.toIntExact(config.sessionTimeout().toMilliseconds()))
                .connectionTimeoutMs(Math.toIntExact(config.connectionTimeout().toMilliseconds()))
                .retryPolicy(new RetryForever(RETRY_INTERVAL_MS))
                .build();
        curator.getConnectionStateListenable().addListener(new ConnectionLogger(config));
        curator.start();
        return curator;
    }
}
