package dev.drove.models.info.resources;

/**
 * One executor's resources at a point in time: free and used cores and memory per NUMA node, and its layout
 * ({@code state} of an ExecutorNodeData; also sent with every instance state report). {@code layout} may be absent in
 * data from older executors, as in the docs' sample.
 */
public record ExecutorResourceSnapshot(String executorId,
                                       AvailableCPU cpus,
                                       AvailableMemory memory,
                                       PhysicalLayout layout) {
}
