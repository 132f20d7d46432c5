package dev.drove.executor.topology;

import java.util.Collections;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * One NUMA node as this executor offers it to the cluster.
 *
 * @param id                 the node id the controller allocates against ({@code 0} for the merged node when NUMA
 *                           pinning is disabled)
 * @param cores              the core ids the controller may allocate: vcores when over-provisioned, else physical CPUs
 * @param memoryInMB         the memory the controller may allocate, after {@code exposedMemPercentage} and
 *                           {@code memoryMultiplier}
 * @param physicalCores      the physical CPUs behind {@code cores} ({@code osCores} removed)
 * @param physicalMemoryInMB the memory behind {@code memoryInMB}: node memory × {@code exposedMemPercentage}/100
 */
public record OfferedNode(int id, SortedSet<Integer> cores, long memoryInMB,
                          SortedSet<Integer> physicalCores, long physicalMemoryInMB) {
    public OfferedNode {
        cores = Collections.unmodifiableSortedSet(new TreeSet<>(cores));
        physicalCores = Collections.unmodifiableSortedSet(new TreeSet<>(physicalCores));
    }

    /** "node 0 has 6 cores and 9830 MB": how the node appears in the start-up log. */
    String describe() {
        return "node %d has %d cores and %d MB".formatted(id, cores.size(), memoryInMB);
    }
}
