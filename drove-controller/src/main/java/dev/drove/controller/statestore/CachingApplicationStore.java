package dev.drove.controller.statestore;

import dev.drove.controller.leadership.LeadershipListener;
import dev.drove.models.application.ApplicationInfo;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The leader's applications: loaded from the store once on leadership, then read from memory and written through
 * (see {@link WriteThroughCache}); the sorted list of all of them is kept between writes. Not leading, it reads and
 * writes the store directly. Deleting an application also drops its instances from the leader's
 * {@link CachingInstanceStore}.
 */
public final class CachingApplicationStore implements ApplicationStore, LeadershipListener {
    private static final Comparator<ApplicationInfo> BY_ID = Comparator.comparing(ApplicationInfo::appId);
    private static final Comparator<AppRuntimeInfo> RUNTIME_BY_ID = Comparator.comparing(AppRuntimeInfo::appId);

    private final ApplicationStore store;
    private final CachingInstanceStore instances;
    private final WriteThroughCache<ApplicationInfo> applications;
    private final WriteThroughCache<AppRuntimeInfo> runtimes;
    private final WriteThroughCache<ApplicationInfo>.Derived<List<ApplicationInfo>> sorted;

    /**
     * @param store     where applications live
     * @param instances the leader's instances, whose entries go with a deleted application
     */
    public CachingApplicationStore(ApplicationStore store, CachingInstanceStore instances) {
        this.store = store;
        this.instances = instances;
        this.applications = new WriteThroughCache<>(
                () -> WriteThroughCache.byId(store.all(), ApplicationInfo::appId));
        this.runtimes = new WriteThroughCache<>(
                () -> WriteThroughCache.byId(store.runtimes(), AppRuntimeInfo::appId));
        this.sorted = applications.derived(copy -> copy.values().stream().sorted(BY_ID).toList());
    }

    @Override
    public void save(ApplicationInfo application) {
        applications.write(application.appId(), () -> store.save(application), old -> application);
    }

    @Override
    public Optional<ApplicationInfo> find(String appId) {
        return applications.read(copy -> WriteThroughCache.lookup(copy, appId), () -> store.find(appId));
    }

    @Override
    public List<ApplicationInfo> all() {
        return sorted.get(store::all);
    }

    @Override
    public void saveRuntime(AppRuntimeInfo runtime) {
        runtimes.write(runtime.appId(), () -> store.saveRuntime(runtime), old -> runtime);
    }

    @Override
    public Optional<AppRuntimeInfo> findRuntime(String appId) {
        return runtimes.read(copy -> WriteThroughCache.lookup(copy, appId), () -> store.findRuntime(appId));
    }

    @Override
    public List<AppRuntimeInfo> runtimes() {
        return runtimes.read(copy -> copy.values().stream().sorted(RUNTIME_BY_ID).toList(), store::runtimes);
    }

    @Override
    public void delete(String appId) {
        applications.write(appId, () -> store.delete(appId), old -> null);
        runtimes.write(appId, () -> { }, old -> null);
        instances.forget(appId);
    }

    /** Moves with every change of the applications or their runtimes; empty when not leading. */
    @Override
    public OptionalLong changeStamp() {
        var apps = applications.stamp();
        var states = runtimes.stamp();
        return apps.isPresent() && states.isPresent()
                ? OptionalLong.of(apps.getAsLong() + states.getAsLong()) : OptionalLong.empty();
    }

    @Override
    public void leadershipAcquired() {
        applications.activate();
        runtimes.activate();
    }

    @Override
    public void leadershipLost() {
        applications.deactivate();
        runtimes.deactivate();
    }
}
