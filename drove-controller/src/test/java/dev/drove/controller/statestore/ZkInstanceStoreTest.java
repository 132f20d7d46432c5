package dev.drove.controller.statestore;

import org.apache.curator.framework.CuratorFramework;

/** {@link ZkInstanceStore} keeps the instance store's contract, reading ZooKeeper on every call. */
class ZkInstanceStoreTest extends InstanceStoreContract {
    @Override
    InstanceStore store(CuratorFramework curator) {
        return new ZkInstanceStore(curator);
    }
}
