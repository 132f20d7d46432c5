package dev.drove.controller.scheduler.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * What runs on each NUMA node of the simulated cluster, by the checker's own count: the cores held (a bit mask of
 * core ids) and the megabytes given. The fragmentation report is read from it.
 */
final class Occupancy {
    private final long[] cores;
    private final long[] memoryMB;

    Occupancy(int executors) {
        cores = new long[executors * BenchCluster.NODES];
        memoryMB = new long[executors * BenchCluster.NODES];
    }

    /** Every core id of {@code node}, as a bit mask. */
    static long nodeMask(int node) {
        return ((1L << BenchCluster.CORES_PER_NODE) - 1) << BenchCluster.firstCore(node);
    }

    static List<Integer> ids(long mask) {
        var ids = new ArrayList<Integer>();
        for (long left = mask; left != 0; left &= left - 1) {
            ids.add(Long.numberOfTrailingZeros(left));
        }
        return ids;
    }

    long usedCores(int executor, int node) {
        return cores[executor * BenchCluster.NODES + node];
    }

    long usedMemoryMB(int executor, int node) {
        return memoryMB[executor * BenchCluster.NODES + node];
    }

    void take(int executor, int node, long coreMask, long megabytes) {
        cores[executor * BenchCluster.NODES + node] |= coreMask;
        memoryMB[executor * BenchCluster.NODES + node] += megabytes;
    }

    void give(int executor, int node, long coreMask, long megabytes) {
        cores[executor * BenchCluster.NODES + node] &= ~coreMask;
        memoryMB[executor * BenchCluster.NODES + node] -= megabytes;
    }

    int executors() {
        return cores.length / BenchCluster.NODES;
    }

    /** Whether nothing runs on {@code executor}, so it could be handed back. */
    boolean isEmpty(int executor) {
        for (int node = 0; node < BenchCluster.NODES; node++) {
            if (usedCores(executor, node) != 0 || usedMemoryMB(executor, node) != 0) {
                return false;
            }
        }
        return true;
    }

    /** How many more containers of {@code cpus} cores and {@code megabytes} fit on {@code executor}. */
    int fits(int executor, int cpus, long megabytes) {
        int fits = 0;
        for (int node = 0; node < BenchCluster.NODES; node++) {
            int freeCores = BenchCluster.CORES_PER_NODE - Long.bitCount(usedCores(executor, node));
            long freeMemory = BenchCluster.MEMORY_PER_NODE_MB - usedMemoryMB(executor, node);
            fits += (int) Math.min(freeCores / cpus, freeMemory / megabytes);
        }
        return fits;
    }
}
