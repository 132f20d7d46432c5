package dev.drove.controller.scheduler.bench;

import dev.drove.models.info.nodedata.ExecutorNodeData;
import dev.drove.models.info.nodedata.ExecutorState;
import dev.drove.models.info.nodedata.NodeTransportType;
import dev.drove.models.info.resources.AvailableCPU;
import dev.drove.models.info.resources.AvailableMemory;
import dev.drove.models.info.resources.ExecutorResourceSnapshot;
import dev.drove.models.info.resources.PhysicalLayout;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The simulated cluster: {@code size} executors of {@value #NODES} NUMA nodes with {@value #CORES_PER_NODE} cores and
 * {@value #MEMORY_PER_NODE_MB} MB each. Node {@code n} holds core ids {@code n*32 .. n*32+31}. Every tenth executor
 * (index 9, 19, …) carries one custom tag, the tags taking turns. Executor {@code i} is
 * {@code bench-executor-<i>} on host {@code bench-host-<i>}.
 */
final class BenchCluster {
    static final int NODES = 2;
    static final int CORES_PER_NODE = 32;
    static final long MEMORY_PER_NODE_MB = 128L * 1024;
    static final List<String> TAGS = List.of("gpu", "ssd", "highmem", "edge");
    private static final String ID_PREFIX = "bench-executor-";

    private final int size;

    BenchCluster(int size) {
        if (size < 1) {
            throw new IllegalArgumentException("A cluster needs at least one executor, not " + size);
        }
        this.size = size;
    }

    int size() {
        return size;
    }

    String executorId(int index) {
        return ID_PREFIX + index;
    }

    String hostname(int index) {
        return "bench-host-" + index;
    }

    /** The index of an executor id of this cluster; -1 when it is not one. */
    int indexOf(String executorId) {
        if (executorId == null || !executorId.startsWith(ID_PREFIX)) {
            return -1;
        }
        try {
            int index = Integer.parseInt(executorId, ID_PREFIX.length(), executorId.length(), 10);
            return index >= 0 && index < size && executorId.equals(executorId(index)) ? index : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** The custom tag of executor {@code index}; null when it has none. */
    String tagOf(int index) {
        return index % 10 == 9 ? TAGS.get((index / 10) % TAGS.size()) : null;
    }

    /** The custom tags some executor of this cluster carries, in the order of {@link #TAGS}. */
    List<String> tagsInUse() {
        var used = new TreeSet<String>();
        for (int i = 9; i < size && used.size() < TAGS.size(); i += 10) {
            used.add(tagOf(i));
        }
        var inOrder = new ArrayList<>(TAGS);
        inOrder.retainAll(used);
        return Collections.unmodifiableList(inOrder);
    }

    int untaggedCount() {
        return size - size / 10;
    }

    /** Whether executor {@code index} carries {@code tag}, its hostname included. */
    boolean carries(int index, String tag) {
        return tag.equals(tagOf(index)) || (tag.startsWith("bench-host-") && tag.equals(hostname(index)));
    }

    static int firstCore(int node) {
        return node * CORES_PER_NODE;
    }

    long totalCores() {
        return (long) size * NODES * CORES_PER_NODE;
    }

    /** The first report of executor {@code index}: everything free, nothing running. */
    ExecutorNodeData report(int index) {
        var cores = new TreeMap<Integer, Set<Integer>>();
        var memory = new TreeMap<Integer, Long>();
        for (int node = 0; node < NODES; node++) {
            var ids = new TreeSet<Integer>();
            for (int core = firstCore(node); core < firstCore(node) + CORES_PER_NODE; core++) {
                ids.add(core);
            }
            cores.put(node, ids);
            memory.put(node, MEMORY_PER_NODE_MB);
        }
        var resources = new ExecutorResourceSnapshot(executorId(index), new AvailableCPU(cores, Map.of()),
                new AvailableMemory(memory, Map.of()), new PhysicalLayout(cores, memory));
        var tags = new LinkedHashSet<String>();
        tags.add(hostname(index));
        if (tagOf(index) != null) {
            tags.add(tagOf(index));
        }
        return new ExecutorNodeData(hostname(index), 3000, NodeTransportType.HTTP, new Date(), resources, List.of(),
                List.of(), List.of(), tags, Map.of(), ExecutorState.ACTIVE);
    }
}
