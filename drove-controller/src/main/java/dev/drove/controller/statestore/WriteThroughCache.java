package dev.drove.controller.statestore;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * The leader's in-memory copy of one kind of stored document, by id, in front of its ZooKeeper store.
 *
 * <ul>
 *     <li>Inactive (this controller does not lead): reads and writes go to the store; nothing is kept.</li>
 *     <li>{@link #activate()} (leadership acquired): the next access loads everything once; from then on reads come
 *     from memory, and writes go to the store first and then to memory (a failed store write changes nothing).</li>
 *     <li>{@link #deactivate()} (leadership lost): the copy is dropped at once, so a former leader never answers
 *     with data that the new leader may since have changed.</li>
 * </ul>
 *
 * <p>A load excludes writes (writers share a lock the load takes alone), so a loaded copy holds every write this
 * controller made; writes of one id reach memory in the order they reached the store. A load that leadership
 * changes overtake is not kept.
 */
final class WriteThroughCache<V> {
    /** Stripes of the locks that order writes; a ZooKeeper write is made under them, so there are many. */
    private static final int LOCK_STRIPES = 1_024;

    private final Supplier<Map<String, V>> loader;
    private final ReadWriteLock[] entryLocks = new ReadWriteLock[LOCK_STRIPES];
    private final Object[] documentLocks = new Object[LOCK_STRIPES];
    private final ReadWriteLock loading = new ReentrantReadWriteLock();
    private boolean active;                              // guarded by this
    private long generation;                             // guarded by this
    private volatile ConcurrentMap<String, V> entries;   // null: nothing loaded
    private final AtomicLong changes = new AtomicLong(); // moves after every change of what reads from memory see

    /** @param loader reads every document from the store, by id */
    WriteThroughCache(Supplier<Map<String, V>> loader) {
        this.loader = loader;
        for (int i = 0; i < LOCK_STRIPES; i++) {
            entryLocks[i] = new ReentrantReadWriteLock();
            documentLocks[i] = new Object();
        }
    }

    /** Starts caching: the next access loads everything. */
    synchronized void activate() {
        generation++;
        entries = null;
        active = true;
        changes.incrementAndGet();
    }

    /** Stops caching and drops the copy. */
    synchronized void deactivate() {
        generation++;
        entries = null;
        active = false;
        changes.incrementAndGet();
    }

    /** Answers from memory when active (loading first if needed), otherwise from the store. */
    <R> R read(Function<Map<String, V>, R> fromMemory, Supplier<R> fromStore) {
        var copy = loaded();
        return copy == null ? fromStore.get() : fromMemory.apply(copy);
    }

    /**
     * Runs {@code storeWrite} and then, when active, replaces the entry of {@code id} by {@code change} applied to
     * the current entry (null: none; returning null removes it). Writes of one id run one at a time while active,
     * and exclude {@link #writeDocument document writes} of that id.
     */
    void write(String id, Runnable storeWrite, UnaryOperator<V> change) {
        loaded(); // outside the shared lock: loading takes it alone
        loading.readLock().lock();
        try {
            var copy = entries;
            if (copy == null || id == null) {
                storeWrite.run();
                return;
            }
            var exclusive = entryLock(id).writeLock();
            exclusive.lock();
            try {
                storeWrite.run();
                copy.compute(id, (key, old) -> change.apply(old));
            } finally {
                exclusive.unlock();
            }
        } finally {
            changes.incrementAndGet();
            loading.readLock().unlock();
        }
    }

    /**
     * As {@link #write}, for an entry that holds several documents (a group): {@code storeWrite} stores the one
     * document {@code document} of entry {@code id}. Writes of one document run one at a time and reach memory in
     * the order they reached the store; writes of other documents of the same entry go to the store at the same
     * time. Stores write a document in one ZooKeeper round trip; an app starting twenty instances at once would
     * otherwise queue nineteen of them behind each other's writes.
     */
    void writeDocument(String id, String document, Runnable storeWrite, UnaryOperator<V> change) {
        loaded();
        loading.readLock().lock();
        try {
            var copy = entries;
            if (copy == null || id == null) {
                storeWrite.run();
                return;
            }
            var shared = entryLock(id).readLock();
            shared.lock();
            try {
                synchronized (documentLock(id, document)) {
                    storeWrite.run();
                    copy.compute(id, (key, old) -> change.apply(old));
                }
            } finally {
                shared.unlock();
            }
        } finally {
            changes.incrementAndGet();
            loading.readLock().unlock();
        }
    }

    /**
     * The number of changes of the copy so far (every write, load and leadership change moves it); empty when
     * inactive, when reads go to the store. Read it before reading what it stamps.
     */
    OptionalLong stamp() {
        return loaded() == null ? OptionalLong.empty() : OptionalLong.of(changes.get());
    }

    /**
     * A value computed from the whole copy and kept until the copy changes (a write, a load, leadership gained or
     * lost), so that readers of, say, every document in order share one computation between writes. Inactive, each
     * call reads the store. Readers never wait for a writer; one that races a write may compute once more.
     */
    <R> Derived<R> derived(Function<Map<String, V>, R> fromMemory) {
        return new Derived<>(fromMemory);
    }

    /** See {@link #derived}. */
    final class Derived<R> {
        private final Function<Map<String, V>, R> fromMemory;
        private volatile Stamped<R> last;

        private Derived(Function<Map<String, V>, R> fromMemory) {
            this.fromMemory = fromMemory;
        }

        /** The value for the copy as it is now, computed only if the copy changed since it was last computed. */
        R get(Supplier<R> fromStore) {
            long version = changes.get(); // before the copy: a change after this makes the result stale, not wrong
            var copy = loaded();
            if (copy == null) {
                return fromStore.get();
            }
            if (changes.get() != version) { // loaded (or changed) just now: stamp what is there from now on
                version = changes.get();
                copy = loaded();
                if (copy == null) {
                    return fromStore.get();
                }
            }
            var seen = last;
            if (seen != null && seen.version() == version) {
                return seen.value();
            }
            var value = fromMemory.apply(copy);
            last = new Stamped<>(version, value);
            return value;
        }
    }

    private record Stamped<R>(long version, R value) {
    }

    /**
     * When active, replaces the entry of {@code id} by {@code change} applied to it in memory only, without writing
     * the store, provided the entry exists and {@code eligible} accepts it; in turn with the
     * {@link #writeDocument writes} of {@code document}. Answers whether it did; when it did not, nothing changed and
     * the caller writes through as usual.
     */
    boolean updateInMemory(String id, String document, Predicate<V> eligible, UnaryOperator<V> change) {
        loaded();
        loading.readLock().lock();
        try {
            var copy = entries;
            if (copy == null || id == null) {
                return false;
            }
            var updated = new boolean[1];
            var shared = entryLock(id).readLock();
            shared.lock();
            try {
                synchronized (documentLock(id, document)) {
                    copy.computeIfPresent(id, (key, old) -> {
                        if (!eligible.test(old)) {
                            return old;
                        }
                        updated[0] = true;
                        return change.apply(old);
                    });
                }
            } finally {
                shared.unlock();
            }
            if (updated[0]) {
                changes.incrementAndGet();
            }
            return updated[0];
        } finally {
            loading.readLock().unlock();
        }
    }

    private ReadWriteLock entryLock(String id) {
        return entryLocks[Math.floorMod(id.hashCode(), LOCK_STRIPES)];
    }

    private Object documentLock(String id, String document) {
        return documentLocks[Math.floorMod(31 * id.hashCode() + Objects.hashCode(document), LOCK_STRIPES)];
    }

    /** The entry of {@code id} in a copy; empty for a null id, which no store holds. */
    static <V> Optional<V> lookup(Map<String, V> copy, String id) {
        return id == null ? Optional.empty() : Optional.ofNullable(copy.get(id));
    }

    /** {@code documents} by their id; the last one wins when two share an id. */
    static <T> Map<String, T> byId(List<T> documents, Function<T, String> id) {
        return documents.stream().collect(Collectors.toMap(id, Function.identity(), (first, second) -> second));
    }

    /** The copy, loaded now if needed; null when inactive. */
    private Map<String, V> loaded() {
        var copy = entries;
        if (copy != null) {
            return copy;
        }
        long expected;
        synchronized (this) {
            if (!active) {
                return null;
            }
            expected = generation;
        }
        loading.writeLock().lock();
        try {
            copy = entries;
            if (copy != null) {
                return copy;
            }
            var fresh = new ConcurrentHashMap<>(loader.get());
            synchronized (this) {
                if (active && generation == expected) {
                    entries = fresh;
                    changes.incrementAndGet();
                }
            }
            return fresh;
        } finally {
            loading.writeLock().unlock();
        }
    }
}
