package dev.drove.controller.statestore;

import dev.drove.controller.leadership.LeadershipListener;
import dev.drove.models.localservice.LocalServiceInfo;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The leader's local services, cached as {@link CachingApplicationStore} caches applications. Deleting a service
 * also drops its instances from the leader's {@link CachingLocalServiceInstanceStore}.
 */
public final class CachingLocalServiceStore implements LocalServiceStore, LeadershipListener {
    private static final Comparator<LocalServiceInfo> BY_ID = Comparator.comparing(LocalServiceInfo::serviceId);

    private final LocalServiceStore store;
    private final CachingLocalServiceInstanceStore instances;
    private final WriteThroughCache<LocalServiceInfo> services;

    public CachingLocalServiceStore(LocalServiceStore store, CachingLocalServiceInstanceStore instances) {
        this.store = store;
        this.instances = instances;
        this.services = new WriteThroughCache<>(() -> WriteThroughCache.byId(store.all(),
                LocalServiceInfo::serviceId));
    }

    @Override
    public void save(LocalServiceInfo service) {
        services.write(service.serviceId(), () -> store.save(service), old -> service);
    }

    @Override
    public Optional<LocalServiceInfo> find(String serviceId) {
        return services.read(copy -> WriteThroughCache.lookup(copy, serviceId), () -> store.find(serviceId));
    }

    @Override
    public List<LocalServiceInfo> all() {
        return services.read(copy -> copy.values().stream().sorted(BY_ID).toList(), store::all);
    }

    @Override
    public void delete(String serviceId) {
        services.write(serviceId, () -> store.delete(serviceId), old -> null);
        instances.forget(serviceId);
    }

    @Override
    public void leadershipAcquired() {
        services.activate();
    }

    @Override
    public void leadershipLost() {
        services.deactivate();
    }
}
