package dev.drove.executor.topology;

import dev.drove.models.info.resources.AvailableCPU;
import dev.drove.models.info.resources.AvailableMemory;
import dev.drove.models.info.resources.CPUAllocation;
import dev.drove.models.info.resources.ExecutorResourceSnapshot;
import dev.drove.models.info.resources.MemoryAllocation;
import dev.drove.models.info.resources.ResourceAllocation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Which of the offered cores and how much of each node's memory every running instance holds on this executor.
 *
 * <p>The controller decides allocations; the executor locks exactly those cores and megabytes when a start message
 * arrives (contract §3, "Allocation") and refuses a start whose cores are not offered here or are held by another
 * instance — two containers never share a core. Locks are released when the instance reaches a terminal state.
 * Thread-safe.
 */
public final class ResourceBook {
    private final String executorId;
    private final ExecutorResources offer;
    private final Map<String, List<ResourceAllocation>> held = new HashMap<>();

    public ResourceBook(String executorId, ExecutorResources offer) {
        this.executorId = executorId;
        this.offer = offer;
    }

    /** Thrown when a start asks for cores or memory this executor cannot give; the message says which. */
    public static final class ResourcesUnavailableException extends Exception {
        public ResourcesUnavailableException(String message) {
            super(message);
        }
    }

    /**
     * Locks {@code allocations} for {@code instanceId}. Locking the same allocations again for the same instance is a
     * no-op (the recovery path re-locks what a running container already holds).
     */
    public synchronized void lock(String instanceId, List<ResourceAllocation> allocations)
            throws ResourcesUnavailableException {
        var current = held.get(instanceId);
        if (current != null) {
            if (current.equals(allocations)) {
                return;
            }
            throw new ResourcesUnavailableException("Instance " + instanceId + " already holds other resources");
        }
        var usedCores = usedCores();
        var usedMemory = usedMemory();
        for (var allocation : allocations) {
            if (allocation instanceof CPUAllocation cpu) {
                for (var node : cpu.cores().entrySet()) {
                    var offered = offer.nodes().get(node.getKey());
                    for (var core : node.getValue()) {
                        if (offered == null || !offered.cores().contains(core)) {
                            throw new ResourcesUnavailableException(String.format(
                                    "Core %d on NUMA node %d is not offered by this executor", core, node.getKey()));
                        }
                        if (usedCores.getOrDefault(node.getKey(), Set.of()).contains(core)) {
                            throw new ResourcesUnavailableException(String.format(
                                    "Core %d on NUMA node %d is already used by another instance", core, node.getKey()));
                        }
                    }
                }
            } else if (allocation instanceof MemoryAllocation memory) {
                for (var node : memory.memoryInMB().entrySet()) {
                    var offered = offer.nodes().get(node.getKey());
                    var free = offered == null ? 0 : offered.memoryInMB() - usedMemory.getOrDefault(node.getKey(), 0L);
                    if (node.getValue() > free) {
                        throw new ResourcesUnavailableException(String.format(
                                "NUMA node %d has %d MB free, %d MB asked", node.getKey(), free, node.getValue()));
                    }
                }
            } else {
                throw new IllegalArgumentException("Unknown allocation " + allocation);
            }
        }
        held.put(instanceId, List.copyOf(allocations));
    }

    /** Frees what {@code instanceId} holds; freeing an instance that holds nothing is a no-op. */
    public synchronized void release(String instanceId) {
        held.remove(instanceId);
    }

    public synchronized boolean holds(String instanceId) {
        return held.containsKey(instanceId);
    }

    /** Free and used cores and memory per node, and the physical layout, as published to the cluster. */
    public synchronized ExecutorResourceSnapshot snapshot() {
        var usedCores = usedCores();
        var usedMemory = usedMemory();
        var free = new TreeMap<Integer, Set<Integer>>();
        var used = new TreeMap<Integer, Set<Integer>>();
        var freeMemory = new TreeMap<Integer, Long>();
        var usedMemoryOut = new TreeMap<Integer, Long>();
        for (var node : offer.nodes().values()) {
            var nodeUsed = usedCores.getOrDefault(node.id(), Set.of());
            var nodeFree = new TreeSet<>(node.cores());
            nodeFree.removeAll(nodeUsed);
            free.put(node.id(), nodeFree);
            used.put(node.id(), new TreeSet<>(nodeUsed));
            var memoryUsed = usedMemory.getOrDefault(node.id(), 0L);
            freeMemory.put(node.id(), Math.max(0, node.memoryInMB() - memoryUsed));
            usedMemoryOut.put(node.id(), memoryUsed);
        }
        var layout = offer.layout();
        return new ExecutorResourceSnapshot(executorId,
                new AvailableCPU(free, used),
                new AvailableMemory(freeMemory, usedMemoryOut),
                new dev.drove.models.info.resources.PhysicalLayout(new TreeMap<>(layout.cores()), layout.memory()));
    }

    private Map<Integer, Set<Integer>> usedCores() {
        var used = new HashMap<Integer, Set<Integer>>();
        for (var allocations : held.values()) {
            for (var allocation : allocations) {
                if (allocation instanceof CPUAllocation cpu) {
                    cpu.cores().forEach((node, cores) -> used.computeIfAbsent(node, n -> new HashSet<>()).addAll(cores));
                }
            }
        }
        return used;
    }

    private Map<Integer, Long> usedMemory() {
        var used = new HashMap<Integer, Long>();
        for (var allocations : held.values()) {
            for (var allocation : allocations) {
                if (allocation instanceof MemoryAllocation memory) {
                    memory.memoryInMB().forEach((node, mb) -> used.merge(node, mb, Long::sum));
                }
            }
        }
        return used;
    }

    /** The instance ids that hold resources now. */
    public synchronized List<String> holders() {
        return new ArrayList<>(held.keySet());
    }
}
