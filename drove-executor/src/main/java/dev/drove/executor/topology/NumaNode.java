package dev.drove.executor.topology;

import java.util.Collections;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * One NUMA node of the host as the kernel reports it: its online CPUs and its total memory.
 *
 * @param id         the kernel's node number ({@code nodeN})
 * @param cpus       physical CPU ids on this node, sorted; empty for a memory-only node
 * @param memoryInMB total memory of the node in MiB ({@code MemTotal} kB / 1024, rounded down), as {@code numactl -H}
 *                   reports it in its {@code size:} line
 */
public record NumaNode(int id, SortedSet<Integer> cpus, long memoryInMB) {
    public NumaNode {
        if (id < 0) {
            throw new IllegalArgumentException("A NUMA node id cannot be negative, got " + id);
        }
        if (memoryInMB < 0) {
            throw new IllegalArgumentException("NUMA node " + id + " cannot have negative memory " + memoryInMB);
        }
        cpus = Collections.unmodifiableSortedSet(new TreeSet<>(cpus));
    }

    /** "node 0 has 8 CPUs (0-3,8-11) and 16384 MB": how the node appears in the start-up log. */
    String describe() {
        String cpuText = switch (cpus.size()) {
            case 0 -> "no CPUs";
            case 1 -> "1 CPU (" + cpus.first() + ")";
            default -> "%d CPUs (%s)".formatted(cpus.size(), CpuList.format(cpus));
        };
        return "node %d has %s and %d MB".formatted(id, cpuText, memoryInMB);
    }
}
