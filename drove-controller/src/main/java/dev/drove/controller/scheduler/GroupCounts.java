package dev.drove.controller.scheduler;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * An immutable map of group key to container count, cheap to derive: {@link #plus} copies two small arrays instead
 * of rehashing every key, so an executor's book can hand each new snapshot its counts without a map copy. Keys are
 * kept ordered by hash code and found by binary search. Counts are always positive; a key whose count drops to zero
 * leaves the map.
 */
final class GroupCounts extends AbstractMap<String, Integer> {
    static final GroupCounts EMPTY = new GroupCounts(new String[0], new int[0]);

    private final String[] keys;
    private final int[] hashes;
    private final int[] counts;

    private GroupCounts(String[] keys, int[] counts) {
        this.keys = keys;
        this.counts = counts;
        this.hashes = new int[keys.length];
        for (int i = 0; i < keys.length; i++) {
            hashes[i] = keys[i].hashCode();
        }
    }

    private GroupCounts(String[] keys, int[] hashes, int[] counts) {
        this.keys = keys;
        this.hashes = hashes;
        this.counts = counts;
    }

    /** The counts of {@code map}, whose keys must not be null and whose counts must be positive. */
    static GroupCounts of(Map<String, Integer> map) {
        var entries = map.entrySet().stream().filter(entry -> entry.getValue() > 0)
                .sorted((a, b) -> compare(a.getKey(), a.getKey().hashCode(), b.getKey(), b.getKey().hashCode()))
                .toList();
        var keys = new String[entries.size()];
        var counts = new int[entries.size()];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = entries.get(i).getKey();
            counts[i] = entries.get(i).getValue();
        }
        return new GroupCounts(keys, counts);
    }

    /** This map with {@code delta} added to the count of {@code key}. */
    GroupCounts plus(String key, int delta) {
        int at = indexOf(key);
        if (at >= 0) {
            int count = counts[at] + delta;
            if (count > 0) {
                var changed = counts.clone();
                changed[at] = count;
                return new GroupCounts(keys, hashes, changed);
            }
            return without(at);
        }
        if (delta <= 0) {
            return this;
        }
        int insert = -at - 1;
        var grownKeys = new String[keys.length + 1];
        var grownHashes = new int[keys.length + 1];
        var grownCounts = new int[keys.length + 1];
        System.arraycopy(keys, 0, grownKeys, 0, insert);
        System.arraycopy(hashes, 0, grownHashes, 0, insert);
        System.arraycopy(counts, 0, grownCounts, 0, insert);
        grownKeys[insert] = key;
        grownHashes[insert] = key.hashCode();
        grownCounts[insert] = delta;
        System.arraycopy(keys, insert, grownKeys, insert + 1, keys.length - insert);
        System.arraycopy(hashes, insert, grownHashes, insert + 1, keys.length - insert);
        System.arraycopy(counts, insert, grownCounts, insert + 1, keys.length - insert);
        return new GroupCounts(grownKeys, grownHashes, grownCounts);
    }

    /** The count of {@code key}; 0 when it has none. */
    int countOf(String key) {
        int at = indexOf(key);
        return at >= 0 ? counts[at] : 0;
    }

    @Override
    public Integer get(Object key) {
        int at = key instanceof String group ? indexOf(group) : -1;
        return at >= 0 ? counts[at] : null;
    }

    @Override
    public boolean containsKey(Object key) {
        return key instanceof String group && indexOf(group) >= 0;
    }

    @Override
    public int size() {
        return keys.length;
    }

    @Override
    public Set<Entry<String, Integer>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Entry<String, Integer>> iterator() {
                return new Iterator<>() {
                    private int next;

                    @Override
                    public boolean hasNext() {
                        return next < keys.length;
                    }

                    @Override
                    public Entry<String, Integer> next() {
                        if (!hasNext()) {
                            throw new NoSuchElementException();
                        }
                        var entry = new SimpleImmutableEntry<>(keys[next], counts[next]);
                        next++;
                        return entry;
                    }
                };
            }

            @Override
            public int size() {
                return keys.length;
            }
        };
    }

    private GroupCounts without(int at) {
        var keptKeys = new String[keys.length - 1];
        var keptHashes = new int[keys.length - 1];
        var keptCounts = new int[keys.length - 1];
        System.arraycopy(keys, 0, keptKeys, 0, at);
        System.arraycopy(hashes, 0, keptHashes, 0, at);
        System.arraycopy(counts, 0, keptCounts, 0, at);
        System.arraycopy(keys, at + 1, keptKeys, at, keys.length - at - 1);
        System.arraycopy(hashes, at + 1, keptHashes, at, keys.length - at - 1);
        System.arraycopy(counts, at + 1, keptCounts, at, keys.length - at - 1);
        return new GroupCounts(keptKeys, keptHashes, keptCounts);
    }

    /** Where {@code key} is; {@code -(insertion point) - 1} when absent. Keys are ordered by hash, then by text. */
    private int indexOf(String key) {
        int hash = key.hashCode();
        int low = 0;
        int high = keys.length - 1;
        while (low <= high) {
            int middle = (low + high) >>> 1;
            int order = Integer.compare(hashes[middle], hash);
            order = order != 0 ? order : compare(keys[middle], hashes[middle], key, hash);
            if (order < 0) {
                low = middle + 1;
            } else if (order > 0) {
                high = middle - 1;
            } else {
                return middle;
            }
        }
        return -(low + 1);
    }

    private static int compare(String a, int aHash, String b, int bHash) {
        int byHash = Integer.compare(aHash, bHash);
        return byHash != 0 ? byHash : a.equals(b) ? 0 : a.compareTo(b);
    }
}
