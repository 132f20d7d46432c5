package dev.drove.controller.statestore;

import org.apache.curator.framework.CuratorFramework;

/** {@link ZkLocalServiceInstanceStore} keeps the local-service instance store's contract. */
class ZkLocalServiceInstanceStoreTest extends LocalServiceInstanceStoreContract {
    @Override
    LocalServiceInstanceStore store(CuratorFramework curator) {
        return new ZkLocalServiceInstanceStore(curator);
    }
}
