package dev.drove.controller.statestore;

import dev.drove.controller.leadership.LeadershipListener;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Predicate;

/**
 * The leader's copy of grouped documents: loaded from ZooKeeper once on leadership, then read from memory and
 * written through (see {@link WriteThroughCache}), one entry per group holding its documents by id. Not leading, it
 * reads and writes ZooKeeper directly.
 */
abstract class CachingGroupedStore<T> implements GroupedStore<T>, LeadershipListener {
    private final ZkGroupedStore<T> store;
    private final Filing<T> filing;
    private final WriteThroughCache<Map<String, T>> groups;

    CachingGroupedStore(ZkGroupedStore<T> store) {
        this.store = store;
        this.filing = store.filing();
        this.groups = new WriteThroughCache<>(this::load);
    }

    /**
     * Saves the document: to ZooKeeper, then memory. A {@link #isPassing passing} document replacing one this leader
     * already holds stays in memory only: the lasting state that follows it is written, and a new leader learns any
     * newer state from the executors' snapshots anyway.
     */
    @Override
    public void save(T document) {
        var id = filing.id().apply(document);
        var group = filing.group().apply(document);
        if (isPassing(document)
                && groups.updateInMemory(group, id, old -> old.containsKey(id), old -> with(old, id, document))) {
            return;
        }
        groups.writeDocument(group, id, () -> store.save(document), old -> with(old, id, document));
    }

    /**
     * Whether the document is in a passing state that the leader need not write to ZooKeeper when it replaces a
     * stored version (such as an instance that is STARTING); never, unless a store says otherwise.
     */
    boolean isPassing(T document) {
        return false;
    }

    @Override
    public Optional<T> find(String groupId, String id) {
        return groups.read(copy -> document(copy, groupId, id), () -> store.find(groupId, id));
    }

    @Override
    public List<T> all(String groupId) {
        return groups.read(copy -> group(copy, groupId, filing.order()), () -> store.all(groupId));
    }

    /** How many documents of the group {@code which} accepts, counted in memory without ordering them. */
    int count(String groupId, Predicate<T> which) {
        return groups.read(copy -> WriteThroughCache.lookup(copy, groupId)
                        .map(group -> (int) group.values().stream().filter(which).count())
                        .orElse(0),
                () -> (int) store.all(groupId).stream().filter(which).count());
    }

    @Override
    public void delete(String groupId, String id) {
        groups.writeDocument(groupId, id, () -> store.delete(groupId, id), old -> with(old, id, null));
    }

    @Override
    public void deleteAll(String groupId) {
        groups.write(groupId, () -> store.deleteAll(groupId), old -> null);
    }

    /** Moves with every change of any group; empty when not leading. */
    @Override
    public OptionalLong changeStamp() {
        return groups.stamp();
    }

    @Override
    public void leadershipAcquired() {
        groups.activate();
    }

    @Override
    public void leadershipLost() {
        groups.deactivate();
    }

    /** Drops the group from memory: its owner's store has removed it from ZooKeeper. */
    void forget(String groupId) {
        groups.write(groupId, () -> { }, old -> null);
    }

    /** The document {@code id} of group {@code groupId} in a copy of groups. */
    static <T> Optional<T> document(Map<String, Map<String, T>> copy, String groupId, String id) {
        return WriteThroughCache.lookup(copy, groupId).flatMap(group -> WriteThroughCache.lookup(group, id));
    }

    /** The documents of group {@code groupId} in a copy of groups, in {@code order}; none for an unknown group. */
    static <T> List<T> group(Map<String, Map<String, T>> copy, String groupId, Comparator<T> order) {
        return WriteThroughCache.lookup(copy, groupId)
                .map(group -> group.values().stream().sorted(order).toList())
                .orElse(List.of());
    }

    /** {@code old} with {@code document} under {@code id} (null: without it); null when nothing is left. */
    static <T> Map<String, T> with(Map<String, T> old, String id, T document) {
        var next = old == null ? new HashMap<String, T>() : new HashMap<>(old);
        if (document == null) {
            next.remove(id);
        } else {
            next.put(id, document);
        }
        return next.isEmpty() ? null : Map.copyOf(next);
    }

    private Map<String, Map<String, T>> load() {
        var copy = new HashMap<String, Map<String, T>>();
        store.everything().forEach((groupId, documents) ->
                copy.put(groupId, WriteThroughCache.byId(documents, filing.id())));
        return copy;
    }
}
