package dev.drove.controller.statestore;

import dev.drove.common.zookeeper.ZkJsonStore;
import dev.drove.common.zookeeper.ZkPaths;
import dev.drove.models.localservice.LocalServiceInfo;
import org.apache.curator.framework.CuratorFramework;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Optional;

/** Local services in ZooKeeper, {@code /localservices/{serviceId}}, read on every call. */
public final class ZkLocalServiceStore implements LocalServiceStore {
    private static final Logger log = LoggerFactory.getLogger(ZkLocalServiceStore.class);

    private final ZkDocuments<LocalServiceInfo> services;
    private final ZkLocalServiceInstanceStore instances;

    /** @param curator a started client; its namespace applies */
    public ZkLocalServiceStore(CuratorFramework curator) {
        this.services = new ZkDocuments<>(new ZkJsonStore(curator), ZkPaths.LOCAL_SERVICES, LocalServiceInfo.class);
        this.instances = new ZkLocalServiceInstanceStore(curator);
    }

    @Override
    public void save(LocalServiceInfo service) {
        services.save(service.serviceId(), service);
    }

    @Override
    public Optional<LocalServiceInfo> find(String serviceId) {
        return services.find(serviceId);
    }

    @Override
    public List<LocalServiceInfo> all() {
        return services.all();
    }

    @Override
    public void delete(String serviceId) {
        instances.deleteAll(serviceId);
        services.delete(serviceId);
        log.info("Removed local service {} and its instances from ZooKeeper", serviceId);
    }
}
