package dev.drove.models.api;

import dev.drove.models.info.nodedata.ExecutorState;
import dev.drove.models.info.nodedata.NodeTransportType;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;

/** One executor as {@code GET /apis/v1/cluster/executors} lists it (docs: apis/cluster.md). */
public record ExecutorSummary(String executorId,
                              String hostname,
                              int port,
                              NodeTransportType transportType,
                              int freeCores,
                              int usedCores,
                              long freeMemory,
                              long usedMemory,
                              Set<String> tags,
                              ExecutorState state) {
    public ExecutorSummary {
        tags = tags == null ? Set.of() : Collections.unmodifiableSet(new LinkedHashSet<>(tags));
    }
}
