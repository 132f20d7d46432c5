package dev.drove.models.info.resources;

import java.util.Map;
import java.util.Set;

/**
 * What an executor offers for scheduling, after its exclusions and multipliers: NUMA node id to core ids, and to MB.
 * It does not change while the executor runs.
 */
public record PhysicalLayout(Map<Integer, Set<Integer>> cores, Map<Integer, Long> memory) {
    public PhysicalLayout {
        cores = NumaMaps.cores(cores);
        memory = NumaMaps.memory(memory);
    }
}
