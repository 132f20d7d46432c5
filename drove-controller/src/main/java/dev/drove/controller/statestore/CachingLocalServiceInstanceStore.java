package dev.drove.controller.statestore;

import dev.drove.models.instance.LocalServiceInstanceInfo;

/** The leader's local-service instances, one cached group per service (see {@link CachingGroupedStore}). */
public final class CachingLocalServiceInstanceStore extends CachingGroupedStore<LocalServiceInstanceInfo>
        implements LocalServiceInstanceStore {

    public CachingLocalServiceInstanceStore(ZkLocalServiceInstanceStore store) {
        super(store);
    }
}
