package dev.drove.controller.statestore;

import dev.drove.controller.leadership.LeadershipListener;
import dev.drove.models.instance.InstanceInfo;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The leader's application instances: loaded from ZooKeeper once on leadership, then read from memory and written
 * through (see {@link WriteThroughCache}), one entry per application holding its instances by id. Not leading, it
 * reads and writes ZooKeeper directly.
 */
public final class CachingInstanceStore implements InstanceStore, LeadershipListener {
    private final ZkInstanceStore store;
    private final WriteThroughCache<Map<String, InstanceInfo>> instances;

    public CachingInstanceStore(ZkInstanceStore store) {
        this.store = store;
        this.instances = new WriteThroughCache<>(() -> byAppId(store.everything()));
    }

    @Override
    public void save(InstanceInfo instance) {
        instances.write(instance.appId(), () -> store.save(instance),
                old -> with(old, instance.instanceId(), instance));
    }

    @Override
    public Optional<InstanceInfo> find(String appId, String instanceId) {
        return instances.read(copy -> WriteThroughCache.lookup(copy, appId)
                        .flatMap(ofApp -> WriteThroughCache.lookup(ofApp, instanceId)),
                () -> store.find(appId, instanceId));
    }

    @Override
    public List<InstanceInfo> all(String appId) {
        return instances.read(copy -> WriteThroughCache.lookup(copy, appId)
                        .map(ofApp -> ofApp.values().stream().sorted(OLDEST_FIRST).toList())
                        .orElse(List.of()),
                () -> store.all(appId));
    }

    @Override
    public void delete(String appId, String instanceId) {
        instances.write(appId, () -> store.delete(appId, instanceId), old -> with(old, instanceId, null));
    }

    @Override
    public void deleteAll(String appId) {
        instances.write(appId, () -> store.deleteAll(appId), old -> null);
    }

    @Override
    public void leadershipAcquired() {
        instances.activate();
    }

    @Override
    public void leadershipLost() {
        instances.deactivate();
    }

    /** Drops the application's instances from memory: the application store has removed them from ZooKeeper. */
    void forget(String appId) {
        instances.write(appId, () -> { }, old -> null);
    }

    /** {@code old} with {@code instance} under {@code instanceId} (null: without it); null when nothing is left. */
    private static Map<String, InstanceInfo> with(Map<String, InstanceInfo> old, String instanceId,
                                                  InstanceInfo instance) {
        var next = old == null ? new HashMap<String, InstanceInfo>() : new HashMap<>(old);
        if (instance == null) {
            next.remove(instanceId);
        } else {
            next.put(instanceId, instance);
        }
        return next.isEmpty() ? null : Map.copyOf(next);
    }

    private static Map<String, Map<String, InstanceInfo>> byAppId(Map<String, List<InstanceInfo>> everything) {
        var copy = new HashMap<String, Map<String, InstanceInfo>>();
        everything.forEach((appId, ofApp) -> copy.put(appId, WriteThroughCache.byId(ofApp,
                InstanceInfo::instanceId)));
        return copy;
    }
}
