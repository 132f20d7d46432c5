package dev.drove.controller.statestore;

import dev.drove.common.zookeeper.ZkJsonStore;
import dev.drove.common.zookeeper.ZkPaths;
import dev.drove.models.instance.LocalServiceInstanceInfo;
import org.apache.curator.framework.CuratorFramework;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Local-service instances in ZooKeeper, {@code /localserviceinstances/{serviceId}/{instanceId}}, read on every
 * call.
 */
public final class ZkLocalServiceInstanceStore implements LocalServiceInstanceStore {
    private final ZkDocumentGroups<LocalServiceInstanceInfo> instances;

    /** @param curator a started client; its namespace applies */
    public ZkLocalServiceInstanceStore(CuratorFramework curator) {
        this.instances = new ZkDocumentGroups<>(new ZkJsonStore(curator), ZkPaths.LOCAL_SERVICE_INSTANCES,
                LocalServiceInstanceInfo.class);
    }

    @Override
    public void save(LocalServiceInstanceInfo instance) {
        instances.save(instance.serviceId(), instance.instanceId(), instance);
    }

    @Override
    public Optional<LocalServiceInstanceInfo> find(String serviceId, String instanceId) {
        return instances.find(serviceId, instanceId);
    }

    @Override
    public List<LocalServiceInstanceInfo> all(String serviceId) {
        return instances.group(serviceId).stream().sorted(OLDEST_FIRST).toList();
    }

    @Override
    public void delete(String serviceId, String instanceId) {
        instances.delete(serviceId, instanceId);
    }

    @Override
    public void deleteAll(String serviceId) {
        instances.deleteGroup(serviceId);
    }

    /** Every stored instance by serviceId: what a cache loads. */
    Map<String, List<LocalServiceInstanceInfo>> everything() {
        return instances.all();
    }
}
