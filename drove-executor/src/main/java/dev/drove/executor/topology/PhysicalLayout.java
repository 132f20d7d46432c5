package dev.drove.executor.topology;

import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The physical CPUs and memory behind each offered node, keyed by node id. It has the shape of the {@code layout}
 * part of an executor snapshot ({@code layout{cores{numa:[..]}, memory{numa:MB}}}, drove-contract.md §2.8).
 *
 * @param cores  node id → physical CPU ids offered on it ({@code osCores} removed)
 * @param memory node id → memory in MB after {@code exposedMemPercentage}, before {@code memoryMultiplier}
 */
public record PhysicalLayout(SortedMap<Integer, SortedSet<Integer>> cores, SortedMap<Integer, Long> memory) {
    public PhysicalLayout {
        SortedMap<Integer, SortedSet<Integer>> coresCopy = new TreeMap<>();
        for (Map.Entry<Integer, SortedSet<Integer>> node : cores.entrySet()) {
            coresCopy.put(node.getKey(), Collections.unmodifiableSortedSet(new TreeSet<>(node.getValue())));
        }
        cores = Collections.unmodifiableSortedMap(coresCopy);
        memory = Collections.unmodifiableSortedMap(new TreeMap<>(memory));
        if (!cores.keySet().equals(memory.keySet())) {
            throw new IllegalArgumentException("Layout nodes differ: cores on " + cores.keySet()
                    + ", memory on " + memory.keySet());
        }
    }
}
