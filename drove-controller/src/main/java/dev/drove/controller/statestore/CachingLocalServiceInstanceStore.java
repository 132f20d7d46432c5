package dev.drove.controller.statestore;

import dev.drove.models.instance.LocalServiceInstanceInfo;
import dev.drove.models.instance.LocalServiceInstanceState;

import java.util.EnumSet;
import java.util.Set;

/** The leader's local-service instances, one cached group per service (see {@link CachingGroupedStore}). */
public final class CachingLocalServiceInstanceStore extends CachingGroupedStore<LocalServiceInstanceInfo>
        implements LocalServiceInstanceStore {

    /** As {@link CachingInstanceStore#PASSING}: kept in memory only while leading. */
    static final Set<LocalServiceInstanceState> PASSING = EnumSet.of(LocalServiceInstanceState.PROVISIONING,
            LocalServiceInstanceState.STARTING, LocalServiceInstanceState.UNREADY, LocalServiceInstanceState.READY,
            LocalServiceInstanceState.STOPPING, LocalServiceInstanceState.DEPROVISIONING);

    public CachingLocalServiceInstanceStore(ZkLocalServiceInstanceStore store) {
        super(store);
    }

    @Override
    boolean isPassing(LocalServiceInstanceInfo instance) {
        return PASSING.contains(instance.state());
    }
}
