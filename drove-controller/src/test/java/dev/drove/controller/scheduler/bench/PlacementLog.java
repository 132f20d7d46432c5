package dev.drove.controller.scheduler.bench;

import dev.drove.controller.scheduler.Placement;
import dev.drove.models.info.resources.CPUAllocation;
import dev.drove.models.info.resources.MemoryAllocation;
import dev.drove.models.info.resources.ResourceAllocation;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The raw record of a run, kept apart from the scheduler's book so {@link AllocationChecker} can replay it: every
 * placement as the scheduler returned it (app, executor, NUMA node, core ids as a bit mask, megabytes) and the
 * order of starts and stops. Primitive arrays, so a million placements cost some 30 MB.
 */
final class PlacementLog {
    /** How a placement's allocations are shaped; anything but {@link #WELL_FORMED} is a violation. */
    static final byte WELL_FORMED = 0;
    static final byte CORES_NOT_ON_ONE_NODE = 1;
    static final byte CORE_ID_OUT_OF_RANGE = 2;
    static final byte MEMORY_NOT_ON_ONE_NODE = 3;

    private final BenchCluster cluster;
    private int[] app = new int[1024];
    private int[] executor = new int[1024];
    private byte[] shape = new byte[1024];
    private byte[] cpuNode = new byte[1024];
    private byte[] memoryNode = new byte[1024];
    private long[] cores = new long[1024];
    private long[] memoryMB = new long[1024];
    private int[] events = new int[2048];
    private int instances;
    private int eventCount;

    PlacementLog(BenchCluster cluster) {
        this.cluster = cluster;
    }

    /** Records a placement the scheduler made for {@code appIndex} and its start; returns the instance number. */
    int started(int appIndex, Placement placement) {
        return started(appIndex, cluster.indexOf(placement.executorId()), placement.allocations());
    }

    /** The same, from an executor index and allocations (tests use it to forge bad placements). */
    int started(int appIndex, int executorIndex, List<ResourceAllocation> allocations) {
        grow();
        int i = instances++;
        app[i] = appIndex;
        executor[i] = executorIndex;
        shape[i] = WELL_FORMED;
        cpuNode[i] = -1;
        memoryNode[i] = -1;
        for (var allocation : allocations) {
            if (allocation instanceof CPUAllocation cpu) {
                readCores(i, cpu.cores());
            } else if (allocation instanceof MemoryAllocation memory) {
                readMemory(i, memory.memoryInMB());
            }
        }
        if (shape[i] == WELL_FORMED && cpuNode[i] < 0) {
            shape[i] = CORES_NOT_ON_ONE_NODE;
        }
        if (shape[i] == WELL_FORMED && memoryNode[i] < 0) {
            shape[i] = MEMORY_NOT_ON_ONE_NODE;
        }
        append(i);
        return i;
    }

    void stopped(int instance) {
        if (instance < 0 || instance >= instances) {
            throw new IllegalArgumentException("No instance " + instance + " was started");
        }
        append(~instance);
    }

    private void readCores(int i, Map<Integer, Set<Integer>> byNode) {
        if (byNode.size() != 1) {
            shape[i] = CORES_NOT_ON_ONE_NODE;
            return;
        }
        var entry = byNode.entrySet().iterator().next();
        cpuNode[i] = (byte) Math.max(-1, Math.min(Byte.MAX_VALUE, entry.getKey()));
        long mask = 0;
        for (int core : entry.getValue()) {
            if (core < 0 || core >= 64) {
                shape[i] = CORE_ID_OUT_OF_RANGE;
                return;
            }
            mask |= 1L << core;
        }
        cores[i] = mask;
    }

    private void readMemory(int i, Map<Integer, Long> byNode) {
        if (byNode.size() != 1) {
            shape[i] = MEMORY_NOT_ON_ONE_NODE;
            return;
        }
        var entry = byNode.entrySet().iterator().next();
        memoryNode[i] = (byte) Math.max(-1, Math.min(Byte.MAX_VALUE, entry.getKey()));
        memoryMB[i] = entry.getValue();
    }

    private void append(int code) {
        if (eventCount == events.length) {
            events = Arrays.copyOf(events, events.length * 2);
        }
        events[eventCount++] = code;
    }

    private void grow() {
        if (instances == app.length) {
            int size = app.length * 2;
            app = Arrays.copyOf(app, size);
            executor = Arrays.copyOf(executor, size);
            shape = Arrays.copyOf(shape, size);
            cpuNode = Arrays.copyOf(cpuNode, size);
            memoryNode = Arrays.copyOf(memoryNode, size);
            cores = Arrays.copyOf(cores, size);
            memoryMB = Arrays.copyOf(memoryMB, size);
        }
    }

    int instances() {
        return instances;
    }

    int eventCount() {
        return eventCount;
    }

    /** Event {@code n}: an instance number when it started, {@code ~instance} when it stopped. */
    int event(int n) {
        return events[n];
    }

    int app(int instance) {
        return app[instance];
    }

    int executor(int instance) {
        return executor[instance];
    }

    byte shape(int instance) {
        return shape[instance];
    }

    int cpuNode(int instance) {
        return cpuNode[instance];
    }

    int memoryNode(int instance) {
        return memoryNode[instance];
    }

    long cores(int instance) {
        return cores[instance];
    }

    long memoryMB(int instance) {
        return memoryMB[instance];
    }
}
