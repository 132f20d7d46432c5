package dev.drove.models.info.resources;

import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/** Immutable, sorted copies of the NUMA-keyed maps of this package; null reads as "nothing on any node". */
final class NumaMaps {
    private NumaMaps() {
    }

    static SortedMap<Integer, Set<Integer>> cores(Map<Integer, ? extends Set<Integer>> cores) {
        var copy = new TreeMap<Integer, Set<Integer>>();
        if (cores != null) {
            cores.forEach((node, ids) -> copy.put(node, sortedCopy(ids)));
        }
        return Collections.unmodifiableSortedMap(copy);
    }

    static SortedMap<Integer, Long> memory(Map<Integer, Long> memory) {
        return Collections.unmodifiableSortedMap(memory == null ? new TreeMap<>() : new TreeMap<>(memory));
    }

    static int coreCount(Map<Integer, Set<Integer>> cores) {
        return cores.values().stream().mapToInt(Set::size).sum();
    }

    static long total(Map<Integer, Long> memory) {
        return memory.values().stream().mapToLong(Long::longValue).sum();
    }

    private static SortedSet<Integer> sortedCopy(Set<Integer> ids) {
        return Collections.unmodifiableSortedSet(ids == null ? new TreeSet<>() : new TreeSet<>(ids));
    }
}
