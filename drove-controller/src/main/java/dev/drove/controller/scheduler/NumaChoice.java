package dev.drove.controller.scheduler;

import dev.drove.models.info.resources.CPUAllocation;
import dev.drove.models.info.resources.MemoryAllocation;
import dev.drove.models.info.resources.ResourceAllocation;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;

/** Whole cores and memory taken from one NUMA node for one container. */
record NumaChoice(int nodeId, SortedSet<Integer> cores, long memoryMB) {
    NumaChoice {
        cores = Collections.unmodifiableSortedSet(new TreeSet<>(cores));
    }

    /** The choice as the contract writes it: one CPU and one MEMORY allocation, both on {@link #nodeId}. */
    List<ResourceAllocation> allocations() {
        return List.of(new CPUAllocation(Map.of(nodeId, cores)), new MemoryAllocation(Map.of(nodeId, memoryMB)));
    }
}
