package dev.drove.controller.statestore;

import dev.drove.common.zookeeper.ZkPaths;
import dev.drove.models.instance.LocalServiceInstanceInfo;
import org.apache.curator.framework.CuratorFramework;

/**
 * Local-service instances in ZooKeeper, {@code /localserviceinstances/{serviceId}/{instanceId}}, read on every
 * call.
 */
public final class ZkLocalServiceInstanceStore extends ZkGroupedStore<LocalServiceInstanceInfo>
        implements LocalServiceInstanceStore {
    private static final Filing<LocalServiceInstanceInfo> FILING = new Filing<>(ZkPaths.LOCAL_SERVICE_INSTANCES,
            LocalServiceInstanceInfo.class, LocalServiceInstanceInfo::serviceId, LocalServiceInstanceInfo::instanceId,
            OLDEST_FIRST);

    /** @param curator a started client; its namespace applies */
    public ZkLocalServiceInstanceStore(CuratorFramework curator) {
        super(curator, FILING);
    }
}
