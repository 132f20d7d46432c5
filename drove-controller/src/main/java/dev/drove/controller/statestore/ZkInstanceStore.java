package dev.drove.controller.statestore;

import dev.drove.common.zookeeper.ZkJsonStore;
import dev.drove.common.zookeeper.ZkPaths;
import dev.drove.models.instance.InstanceInfo;
import org.apache.curator.framework.CuratorFramework;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Application instances in ZooKeeper, {@code /instances/{appId}/{instanceId}}, read on every call. */
public final class ZkInstanceStore implements InstanceStore {
    private final ZkDocumentGroups<InstanceInfo> instances;

    /** @param curator a started client; its namespace applies */
    public ZkInstanceStore(CuratorFramework curator) {
        this.instances = new ZkDocumentGroups<>(new ZkJsonStore(curator), ZkPaths.INSTANCES, InstanceInfo.class);
    }

    @Override
    public void save(InstanceInfo instance) {
        instances.save(instance.appId(), instance.instanceId(), instance);
    }

    @Override
    public Optional<InstanceInfo> find(String appId, String instanceId) {
        return instances.find(appId, instanceId);
    }

    @Override
    public List<InstanceInfo> all(String appId) {
        return instances.group(appId).stream().sorted(OLDEST_FIRST).toList();
    }

    @Override
    public void delete(String appId, String instanceId) {
        instances.delete(appId, instanceId);
    }

    @Override
    public void deleteAll(String appId) {
        instances.deleteGroup(appId);
    }

    /** Every stored instance by appId: what a cache loads. */
    Map<String, List<InstanceInfo>> everything() {
        return instances.all();
    }
}
