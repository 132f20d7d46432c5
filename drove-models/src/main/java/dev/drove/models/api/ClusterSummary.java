package dev.drove.models.api;

import dev.drove.models.cluster.ClusterState;

/**
 * The cluster at a glance, {@code GET /apis/v1/cluster} (docs: apis/cluster.md): the leader ({@code host:port}), the
 * mode, what runs, and cores and MB free, used and in total over all executors.
 */
public record ClusterSummary(String leader,
                             ClusterState state,
                             int numExecutors,
                             int numApplications,
                             int numActiveApplications,
                             int numActiveTasks,
                             int numLocalServices,
                             int numActiveLocalServices,
                             int freeCores,
                             int usedCores,
                             int totalCores,
                             long freeMemory,
                             long usedMemory,
                             long totalMemory) {
}
