package dev.drove.controller.statestore;

import dev.drove.models.instance.InstanceInfo;
import dev.drove.models.instance.InstanceState;

import java.util.EnumSet;
import java.util.Set;

/** The leader's application instances, one cached group per application (see {@link CachingGroupedStore}). */
public final class CachingInstanceStore extends CachingGroupedStore<InstanceInfo> implements InstanceStore {

    /**
     * States an instance passes through on its way to HEALTHY or STOPPED; a leader keeps them in memory only, so an
     * instance costs two ZooKeeper writes on the way up (PENDING, HEALTHY) and one on the way down (STOPPED).
     */
    static final Set<InstanceState> PASSING = EnumSet.of(InstanceState.PROVISIONING, InstanceState.STARTING,
            InstanceState.UNREADY, InstanceState.READY, InstanceState.STOPPING, InstanceState.DEPROVISIONING);

    public CachingInstanceStore(ZkInstanceStore store) {
        super(store);
    }

    @Override
    boolean isPassing(InstanceInfo instance) {
        return PASSING.contains(instance.state());
    }

    @Override
    public int count(String appId, Set<InstanceState> states) {
        return count(appId, instance -> states.contains(instance.state()));
    }
}
