package dev.drove.controller.scheduler;

import dev.drove.models.info.resources.ResourceAllocation;

import java.util.List;

/**
 * Where one container goes: the executor and the exact cores and memory, all on one NUMA node, as the start message
 * and the instance's {@code resources} carry them.
 */
public record Placement(String executorId, String hostname, List<ResourceAllocation> allocations) {
    public Placement {
        allocations = List.copyOf(allocations);
    }
}
