package dev.drove.controller.statestore;

import dev.drove.common.zookeeper.ZkJsonStore;
import dev.drove.common.zookeeper.ZkPaths;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Documents of one type grouped by an owner: {@code {root}/{group}/{id}}, such as
 * {@code /instances/{appId}/{instanceId}}. Removing a group removes its znode and everything below it. Reads by
 * names that cannot be znode names find nothing, as in {@link ZkDocuments}.
 */
final class ZkDocumentGroups<T> {
    private final ZkJsonStore store;
    private final String root;
    private final Class<T> type;

    ZkDocumentGroups(ZkJsonStore store, String root, Class<T> type) {
        this.store = store;
        this.root = root;
        this.type = type;
    }

    void save(String group, String id, T document) {
        store.write(ZkPaths.child(root, group, id), document);
    }

    Optional<T> find(String group, String id) {
        if (!ZkDocuments.isName(group) || !ZkDocuments.isName(id)) {
            return Optional.empty();
        }
        return store.read(ZkPaths.child(root, group, id), type);
    }

    /** The documents of one group, ordered by id; empty for an unknown group. */
    List<T> group(String group) {
        if (!ZkDocuments.isName(group)) {
            return List.of();
        }
        return store.readChildren(ZkPaths.child(root, group), type);
    }

    /** Every group's documents, by group name in order; groups without documents are left out. */
    Map<String, List<T>> all() {
        var groups = new LinkedHashMap<String, List<T>>();
        for (var group : store.children(root)) {
            var documents = group(group);
            if (!documents.isEmpty()) {
                groups.put(group, documents);
            }
        }
        return groups;
    }

    void delete(String group, String id) {
        if (ZkDocuments.isName(group) && ZkDocuments.isName(id)) {
            store.delete(ZkPaths.child(root, group, id));
        }
    }

    /** Removes the group's znode and every document in it. */
    void deleteGroup(String group) {
        if (ZkDocuments.isName(group)) {
            store.delete(ZkPaths.child(root, group));
        }
    }
}
