package dev.drove.controller.statestore;

import dev.drove.controller.leadership.LeadershipListener;
import dev.drove.models.instance.LocalServiceInstanceInfo;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The leader's local-service instances, cached as {@link CachingInstanceStore} caches application instances: one
 * entry per service holding its instances by id.
 */
public final class CachingLocalServiceInstanceStore implements LocalServiceInstanceStore, LeadershipListener {
    private final ZkLocalServiceInstanceStore store;
    private final WriteThroughCache<Map<String, LocalServiceInstanceInfo>> instances;

    public CachingLocalServiceInstanceStore(ZkLocalServiceInstanceStore store) {
        this.store = store;
        this.instances = new WriteThroughCache<>(() -> byServiceId(store.everything()));
    }

    @Override
    public void save(LocalServiceInstanceInfo instance) {
        instances.write(instance.serviceId(), () -> store.save(instance),
                old -> with(old, instance.instanceId(), instance));
    }

    @Override
    public Optional<LocalServiceInstanceInfo> find(String serviceId, String instanceId) {
        return instances.read(copy -> WriteThroughCache.lookup(copy, serviceId)
                        .flatMap(ofService -> WriteThroughCache.lookup(ofService, instanceId)),
                () -> store.find(serviceId, instanceId));
    }

    @Override
    public List<LocalServiceInstanceInfo> all(String serviceId) {
        return instances.read(copy -> WriteThroughCache.lookup(copy, serviceId)
                        .map(ofService -> ofService.values().stream().sorted(OLDEST_FIRST).toList())
                        .orElse(List.of()),
                () -> store.all(serviceId));
    }

    @Override
    public void delete(String serviceId, String instanceId) {
        instances.write(serviceId, () -> store.delete(serviceId, instanceId), old -> with(old, instanceId, null));
    }

    @Override
    public void deleteAll(String serviceId) {
        instances.write(serviceId, () -> store.deleteAll(serviceId), old -> null);
    }

    @Override
    public void leadershipAcquired() {
        instances.activate();
    }

    @Override
    public void leadershipLost() {
        instances.deactivate();
    }

    /** Drops the service's instances from memory: the service store has removed them from ZooKeeper. */
    void forget(String serviceId) {
        instances.write(serviceId, () -> { }, old -> null);
    }

    private static Map<String, LocalServiceInstanceInfo> with(Map<String, LocalServiceInstanceInfo> old,
                                                              String instanceId, LocalServiceInstanceInfo instance) {
        var next = old == null ? new HashMap<String, LocalServiceInstanceInfo>() : new HashMap<>(old);
        if (instance == null) {
            next.remove(instanceId);
        } else {
            next.put(instanceId, instance);
        }
        return next.isEmpty() ? null : Map.copyOf(next);
    }

    private static Map<String, Map<String, LocalServiceInstanceInfo>> byServiceId(
            Map<String, List<LocalServiceInstanceInfo>> everything) {
        var copy = new HashMap<String, Map<String, LocalServiceInstanceInfo>>();
        everything.forEach((serviceId, ofService) -> copy.put(serviceId, WriteThroughCache.byId(ofService,
                LocalServiceInstanceInfo::instanceId)));
        return copy;
    }
}
