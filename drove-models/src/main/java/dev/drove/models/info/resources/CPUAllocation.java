package dev.drove.models.info.resources;

import java.util.Map;
import java.util.Set;

/** Whole cores held by an instance: NUMA node id to core ids, e.g. {@code {"0": [2, 3]}}. */
public record CPUAllocation(Map<Integer, Set<Integer>> cores) implements ResourceAllocation {
    public CPUAllocation {
        cores = NumaMaps.cores(cores);
    }

    /** How many cores are held, over all NUMA nodes. */
    public int coreCount() {
        return NumaMaps.coreCount(cores);
    }
}
