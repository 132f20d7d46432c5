package dev.drove.controller.statestore;

import org.apache.curator.framework.CuratorFramework;

/** {@link CachingLocalServiceInstanceStore}, while leading, keeps the local-service instance store's contract. */
class CachingLocalServiceInstanceStoreTest extends LocalServiceInstanceStoreContract {
    @Override
    LocalServiceInstanceStore store(CuratorFramework curator) {
        var store = new CachingLocalServiceInstanceStore(new ZkLocalServiceInstanceStore(curator));
        store.leadershipAcquired();
        return store;
    }
}
