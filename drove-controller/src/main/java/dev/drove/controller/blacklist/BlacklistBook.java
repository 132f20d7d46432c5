package dev.drove.controller.blacklist;

import dev.drove.common.zookeeper.ZkJsonStore;
import dev.drove.common.zookeeper.ZkPaths;
import dev.drove.controller.scheduler.Blacklist;
import dev.drove.models.info.nodedata.ExecutorState;
import org.apache.curator.framework.CuratorFramework;

import java.time.Clock;
import java.util.Collections;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The controller's book of executors out of rotation: one {@link BlacklistEntry} per executor at
 * {@code /blacklist/{executorId}}, so a new leader keeps it. Every change is written to ZooKeeper first, then to the
 * copy in memory that the scheduler reads ({@link #stateOf}); a failed write changes nothing and throws.
 *
 * <p>Until it is first {@link #load loaded} the book has no word on any executor, and the scheduler goes by what
 * the executors publish. Thread-safe; changes are made by the leader only.
 */
final class BlacklistBook implements Blacklist {
    /** Where the entries live, below the ZooKeeper namespace. */
    static final String ROOT = "/blacklist";

    private final ZkJsonStore store;
    private final Clock clock;
    private final Map<String, BlacklistEntry> entries = new ConcurrentHashMap<>();
    private volatile boolean loaded;

    BlacklistBook(CuratorFramework curator, Clock clock) {
        this.store = new ZkJsonStore(curator);
        this.clock = clock;
    }

    /** Reads the whole book from ZooKeeper again, replacing the copy in memory. A new leader does this first. */
    synchronized void load() {
        var stored = store.readChildren(ROOT, BlacklistEntry.class);
        entries.clear();
        stored.forEach(entry -> entries.put(entry.executorId(), entry));
        loaded = true;
    }

    /**
     * Takes {@code executorId} out of rotation: a new BLACKLIST_REQUESTED entry. Returns it, or empty when the
     * executor is in the book already (nothing changes).
     */
    synchronized Optional<BlacklistEntry> request(String executorId, String hostname, int port) {
        if (entries.containsKey(executorId)) {
            return Optional.empty();
        }
        var now = new Date(clock.millis());
        var entry = new BlacklistEntry(executorId, ExecutorState.BLACKLIST_REQUESTED, hostname, port, now, now);
        store.write(ZkPaths.child(ROOT, executorId), entry);
        entries.put(executorId, entry);
        return Optional.of(entry);
    }

    /**
     * Marks a BLACKLIST_REQUESTED executor BLACKLISTED: its application instances are gone. Returns the new entry,
     * or empty when the executor is not being moved off (put back meanwhile, or confirmed already).
     */
    synchronized Optional<BlacklistEntry> confirm(String executorId) {
        var entry = entries.get(executorId);
        if (entry == null || !entry.isMoving()) {
            return Optional.empty();
        }
        var confirmed = entry.confirmed(new Date(clock.millis()));
        store.write(ZkPaths.child(ROOT, executorId), confirmed);
        entries.put(executorId, confirmed);
        return Optional.of(confirmed);
    }

    /** Puts {@code executorId} back in rotation. Returns the entry it had, or empty when it had none. */
    synchronized Optional<BlacklistEntry> remove(String executorId) {
        var entry = entries.get(executorId);
        if (entry == null) {
            return Optional.empty();
        }
        store.delete(ZkPaths.child(ROOT, executorId));
        entries.remove(executorId);
        return Optional.of(entry);
    }

    Optional<BlacklistEntry> find(String executorId) {
        return Optional.ofNullable(entries.get(executorId));
    }

    /** The ids of every executor in the book, sorted. */
    SortedSet<String> executorIds() {
        return Collections.unmodifiableSortedSet(new TreeSet<>(entries.keySet()));
    }

    /** Every entry, by executor id. */
    List<BlacklistEntry> entries() {
        return entries.values().stream().sorted(Comparator.comparing(BlacklistEntry::executorId)).toList();
    }

    @Override
    public Optional<ExecutorState> stateOf(String executorId) {
        if (!loaded) {
            return Optional.empty();
        }
        var entry = entries.get(executorId);
        return Optional.of(entry == null ? ExecutorState.ACTIVE : entry.state());
    }
}
