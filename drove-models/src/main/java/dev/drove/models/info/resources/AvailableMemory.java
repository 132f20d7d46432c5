package dev.drove.models.info.resources;

import java.util.Map;

/** Free and used megabytes of an executor, NUMA node id to MB. */
public record AvailableMemory(Map<Integer, Long> freeMemory,
                              Map<Integer, Long> usedMemory) implements AvailableResource {
    public AvailableMemory {
        freeMemory = NumaMaps.memory(freeMemory);
        usedMemory = NumaMaps.memory(usedMemory);
    }

    public long freeMB() {
        return NumaMaps.total(freeMemory);
    }

    public long usedMB() {
        return NumaMaps.total(usedMemory);
    }
}
