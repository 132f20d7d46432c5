package dev.drove.models.info.resources;

import java.util.Map;

/** Memory held by an instance: NUMA node id to megabytes, e.g. {@code {"0": 128}}. */
public record MemoryAllocation(Map<Integer, Long> memoryInMB) implements ResourceAllocation {
    public MemoryAllocation {
        memoryInMB = NumaMaps.memory(memoryInMB);
    }

    /** Megabytes held, over all NUMA nodes. */
    public long totalMB() {
        return NumaMaps.total(memoryInMB);
    }
}
