package dev.drove.controller.scheduler;

import dev.drove.models.application.placement.PlacementPolicy;
import dev.drove.models.application.requirements.ResourceRequirement;

import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * One container to place.
 *
 * @param groupKey   what the policy counts per executor: an appId, a task's {@code sourceAppName-taskId} or a local
 *                   service id (docs: policies hold per {@code {appName, version}})
 * @param cpus       whole cores, all from one NUMA node
 * @param memoryMB   megabytes, from the same node
 * @param policy     where it may go; none means ANY
 * @param candidates the only executors to consider; empty means every known executor. A LOCAL placement names its
 *                   executor here.
 */
public record PlacementRequest(String groupKey,
                               int cpus,
                               long memoryMB,
                               PlacementPolicy policy,
                               SortedSet<String> candidates) {
    public PlacementRequest {
        Objects.requireNonNull(groupKey, "groupKey");
        if (cpus < 1) {
            throw new IllegalArgumentException("A container needs at least 1 core, not " + cpus);
        }
        if (memoryMB < 1) {
            throw new IllegalArgumentException("A container needs at least 1 MB of memory, not " + memoryMB);
        }
        policy = policy == null ? PlacementPolicy.DEFAULT : policy;
        candidates = Collections.unmodifiableSortedSet(new TreeSet<>(candidates == null ? Set.of() : candidates));
    }

    /** A request for any executor the policy allows. */
    public static PlacementRequest of(String groupKey, int cpus, long memoryMB, PlacementPolicy policy) {
        return new PlacementRequest(groupKey, cpus, memoryMB, policy, null);
    }

    /** A request sized by a spec's resources (one CPU and one MEMORY requirement). */
    public static PlacementRequest of(String groupKey, List<ResourceRequirement> resources, PlacementPolicy policy) {
        return of(groupKey, ResourceRequirement.cpus(resources), ResourceRequirement.memoryInMB(resources), policy);
    }

    /** The same request limited to {@code executorIds}. */
    public PlacementRequest on(Set<String> executorIds) {
        return new PlacementRequest(groupKey, cpus, memoryMB, policy, new TreeSet<>(executorIds));
    }
}
