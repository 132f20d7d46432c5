package dev.drove.controller.statestore;

import dev.drove.models.instance.InstanceInfo;

/** The leader's application instances, one cached group per application (see {@link CachingGroupedStore}). */
public final class CachingInstanceStore extends CachingGroupedStore<InstanceInfo> implements InstanceStore {

    public CachingInstanceStore(ZkInstanceStore store) {
        super(store);
    }
}
