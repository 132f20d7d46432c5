package dev.drove.controller.scheduler;

import java.util.Arrays;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * The executors that one kind of request can reach under the tag rule (see {@link ExecutorPools}): a member list
 * for random order and, once a bin-packing scheduler asks for it, the same members filed in buckets by free core
 * count. Moving a member between buckets costs two hash operations, so keeping the order costs little per
 * placement. Both views are hints that may lag a change by a moment; the scheduler checks every executor it takes
 * under that executor's lock. A member changes its entries only under its book's lock.
 */
final class ExecutorPool {
    private final String name;
    private final ConcurrentSkipListMap<Integer, Set<ExecutorBook>> byFreeCores = new ConcurrentSkipListMap<>();
    private volatile ExecutorBook[] members = new ExecutorBook[0];

    ExecutorPool(String name) {
        this.name = name;
    }

    /** "untagged", or the tag its members carry. */
    String name() {
        return name;
    }

    /** Every member, in the order they joined; the list does not change afterwards. */
    List<ExecutorBook> members() {
        return Collections.unmodifiableList(Arrays.asList(members));
    }

    /**
     * The members with at least {@code cores} free cores, fewest free cores first; members with equally many come
     * in no particular (but stable) order.
     */
    Iterator<ExecutorBook> fullestFirst(int cores) {
        var buckets = byFreeCores.tailMap(cores).values().iterator();
        return new Iterator<>() {
            private Iterator<ExecutorBook> bucket = Collections.emptyIterator();

            @Override
            public boolean hasNext() {
                while (!bucket.hasNext() && buckets.hasNext()) {
                    var next = buckets.next();
                    // an empty bucket may keep a large table from busier times: skip it without a scan
                    bucket = next.isEmpty() ? Collections.emptyIterator() : next.iterator();
                }
                return bucket.hasNext();
            }

            @Override
            public ExecutorBook next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return bucket.next();
            }
        };
    }

    synchronized void join(ExecutorBook book) {
        var grown = Arrays.copyOf(members, members.length + 1);
        grown[members.length] = book;
        members = grown;
    }

    synchronized void leave(ExecutorBook book) {
        members = Arrays.stream(members).filter(member -> member != book).toArray(ExecutorBook[]::new);
    }

    /** Files a member under its free core count, for {@link #fullestFirst}. */
    void file(ExecutorBook book, int freeCores) {
        bucket(freeCores).add(book);
    }

    void unfile(ExecutorBook book, int freeCores) {
        bucket(freeCores).remove(book);
    }

    /** A filed member's free core count changed. */
    void move(ExecutorBook book, int fromFreeCores, int toFreeCores) {
        bucket(fromFreeCores).remove(book);
        bucket(toFreeCores).add(book);
    }

    private Set<ExecutorBook> bucket(int freeCores) {
        var bucket = byFreeCores.get(freeCores);
        return bucket != null ? bucket
                : byFreeCores.computeIfAbsent(freeCores, ignored -> ConcurrentHashMap.newKeySet());
    }

    @Override
    public String toString() {
        return "pool " + name + " (" + members.length + " executors)";
    }
}
