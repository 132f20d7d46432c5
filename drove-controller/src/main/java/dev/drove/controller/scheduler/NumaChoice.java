package dev.drove.controller.scheduler;

import dev.drove.models.info.resources.CPUAllocation;
import dev.drove.models.info.resources.MemoryAllocation;
import dev.drove.models.info.resources.ResourceAllocation;

import java.util.List;
import java.util.Map;
import java.util.SortedSet;

/**
 * Whole cores and memory taken from one NUMA node for one container.
 *
 * @param cores the core ids, ascending; held as given, so pass a set nobody changes (as
 *              {@link NumaNodeSnapshot#firstFreeCores} returns)
 */
record NumaChoice(int nodeId, SortedSet<Integer> cores, long memoryMB) {

    /** The choice as the contract writes it: one CPU and one MEMORY allocation, both on {@link #nodeId}. */
    List<ResourceAllocation> allocations() {
        return List.of(new CPUAllocation(Map.of(nodeId, cores)), new MemoryAllocation(Map.of(nodeId, memoryMB)));
    }
}
