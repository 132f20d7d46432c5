package dev.drove.models.info.resources;

import java.util.Map;
import java.util.Set;

/** Free and used core ids of an executor, NUMA node id to core ids. */
public record AvailableCPU(Map<Integer, Set<Integer>> freeCores,
                           Map<Integer, Set<Integer>> usedCores) implements AvailableResource {
    public AvailableCPU {
        freeCores = NumaMaps.cores(freeCores);
        usedCores = NumaMaps.cores(usedCores);
    }

    public int freeCoreCount() {
        return NumaMaps.coreCount(freeCores);
    }

    public int usedCoreCount() {
        return NumaMaps.coreCount(usedCores);
    }
}
