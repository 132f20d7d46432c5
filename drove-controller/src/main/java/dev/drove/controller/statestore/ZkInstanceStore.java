package dev.drove.controller.statestore;

import dev.drove.common.zookeeper.ZkPaths;
import dev.drove.models.instance.InstanceInfo;
import org.apache.curator.framework.CuratorFramework;

/** Application instances in ZooKeeper, {@code /instances/{appId}/{instanceId}}, read on every call. */
public final class ZkInstanceStore extends ZkGroupedStore<InstanceInfo> implements InstanceStore {
    private static final Filing<InstanceInfo> FILING = new Filing<>(ZkPaths.INSTANCES, InstanceInfo.class,
            InstanceInfo::appId, InstanceInfo::instanceId, OLDEST_FIRST);

    /** @param curator a started client; its namespace applies */
    public ZkInstanceStore(CuratorFramework curator) {
        super(curator, FILING);
    }
}
