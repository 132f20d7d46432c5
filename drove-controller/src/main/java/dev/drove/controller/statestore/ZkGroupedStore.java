package dev.drove.controller.statestore;

import dev.drove.common.zookeeper.ZkJsonStore;
import org.apache.curator.framework.CuratorFramework;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Grouped documents in ZooKeeper, {@code {root}/{groupId}/{id}}, read on every call. */
abstract class ZkGroupedStore<T> implements GroupedStore<T> {
    private final ZkDocumentGroups<T> documents;
    private final Filing<T> filing;

    /** @param curator a started client; its namespace applies */
    ZkGroupedStore(CuratorFramework curator, Filing<T> filing) {
        this.documents = new ZkDocumentGroups<>(new ZkJsonStore(curator), filing.root(), filing.type());
        this.filing = filing;
    }

    @Override
    public void save(T document) {
        documents.save(filing.group().apply(document), filing.id().apply(document), document);
    }

    @Override
    public Optional<T> find(String groupId, String id) {
        return documents.find(groupId, id);
    }

    @Override
    public List<T> all(String groupId) {
        return documents.group(groupId).stream().sorted(filing.order()).toList();
    }

    @Override
    public void delete(String groupId, String id) {
        documents.delete(groupId, id);
    }

    @Override
    public void deleteAll(String groupId) {
        documents.deleteGroup(groupId);
    }

    /** Every stored document by group id: what a cache loads. */
    Map<String, List<T>> everything() {
        return documents.all();
    }

    Filing<T> filing() {
        return filing;
    }
}
