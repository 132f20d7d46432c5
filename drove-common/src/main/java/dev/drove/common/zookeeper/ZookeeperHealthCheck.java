package dev.drove.common.zookeeper;

import com.codahale.metrics.health.HealthCheck;
import org.apache.curator.framework.CuratorFramework;

/**
 * Admin-port health: healthy while this node has a ZooKeeper connection. An executor keeps its containers running
 * either way; the check tells operators that reports are being queued and node data is stale.
 */
public final class ZookeeperHealthCheck extends HealthCheck {
    private final CuratorFramework curator;

    public ZookeeperHealthCheck(CuratorFramework curator) {
        this.curator = curator;
    }

    @Override
    protected Result check() {
        return curator.getZookeeperClient().isConnected()
                ? Result.healthy()
                : Result.unhealthy("Not connected to ZooKeeper");
    }
}
