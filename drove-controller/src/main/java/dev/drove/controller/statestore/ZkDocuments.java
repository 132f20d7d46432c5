package dev.drove.controller.statestore;

import dev.drove.common.zookeeper.ZkJsonStore;
import dev.drove.common.zookeeper.ZkPaths;

import java.util.List;
import java.util.Optional;

/**
 * Documents of one type, one znode each, directly below a root: {@code {root}/{id}}, such as
 * {@code /applications/{appId}}. A read by an id that cannot be a znode name (empty, holding {@code /}) finds
 * nothing; a write with one is a bug and throws {@link IllegalArgumentException}.
 */
final class ZkDocuments<T> {
    private final ZkJsonStore store;
    private final String root;
    private final Class<T> type;

    ZkDocuments(ZkJsonStore store, String root, Class<T> type) {
        this.store = store;
        this.root = root;
        this.type = type;
    }

    void save(String id, T document) {
        store.write(ZkPaths.child(root, id), document);
    }

    Optional<T> find(String id) {
        if (!isName(id)) {
            return Optional.empty();
        }
        return store.read(ZkPaths.child(root, id), type);
    }

    /** Every document, ordered by id. */
    List<T> all() {
        return store.readChildren(root, type);
    }

    /** Removes the document and anything below it; nothing happens when it is not there. */
    void delete(String id) {
        if (isName(id)) {
            store.delete(ZkPaths.child(root, id));
        }
    }

    /** Whether {@code id} can be one znode name below a root. */
    static boolean isName(String id) {
        return id != null && !id.isEmpty() && !id.contains("/");
    }
}
