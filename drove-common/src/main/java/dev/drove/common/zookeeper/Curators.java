package dev.drove.common.zookeeper;

import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.retry.RetryUntilElapsed;

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
     * <p>Operations retry once a second for up to one session timeout, then fail: a write made during a short blip
     * waits it out, while a longer outage surfaces as an error the caller can report, instead of a thread (an API
     * call, a shutdown) hanging forever as the original's retry-forever does. The connection itself is
     * re-established by ZooKeeper's client whatever the retry policy.
     */
    public static CuratorFramework start(ZkConfig config) {
        var curator = CuratorFrameworkFactory.builder()
                .connectString(config.connectionString())
                .namespace(config.namespace())
                .sessionTimeoutMs(Math.toIntExact(config.sessionTimeout().toMilliseconds()))
                .connectionTimeoutMs(Math.toIntExact(config.connectionTimeout().toMilliseconds()))
                .retryPolicy(new RetryUntilElapsed(Math.toIntExact(config.sessionTimeout().toMilliseconds()),
                        RETRY_INTERVAL_MS))
                .build();
        curator.getConnectionStateListenable().addListener(new ConnectionLogger(config));
        curator.start();
        return curator;
    }
}
