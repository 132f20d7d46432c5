package dev.drove.executor.hollow;

import dev.drove.executor.topology.ExecutorResources;
import dev.drove.executor.topology.HostTopology;
import dev.drove.executor.topology.NumaNode;
import dev.drove.executor.topology.ResourceConfig;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The simulated host of a hollow executor: {@code numaNodes} nodes of {@code coresPerNode} CPUs (numbered on from 0
 * across nodes) and {@code memoryPerNodeMb} each, offered whole, plus {@code tags} (the hostname is always added, as on
 * a real executor).
 */
public record HollowShape(int numaNodes, int coresPerNode, long memoryPerNodeMb, Set<String> tags) {
    /** 2 NUMA nodes × 32 cores, 256 GB in all, no tags. */
    public static final HollowShape DEFAULT = new HollowShape(2, 32, 128 * 1024, Set.of());

    public HollowShape {
        if (numaNodes < 1 || coresPerNode < 1 || memoryPerNodeMb < 1) {
            throw new IllegalArgumentException("A hollow executor needs at least one node, core and MB of memory");
        }
        tags = Set.copyOf(tags);
    }

    /** What an executor of this shape called {@code hostname} offers, computed as a real executor computes it. */
    public ExecutorResources offer(String hostname) {
        List<NumaNode> nodes = new ArrayList<>();
        for (int node = 0; node < numaNodes; node++) {
            SortedSet<Integer> cpus = new TreeSet<>();
            for (int core = 0; core < coresPerNode; core++) {
                cpus.add(node * coresPerNode + core);
            }
            nodes.add(new NumaNode(node, cpus, memoryPerNodeMb));
        }
        return ExecutorResources.offer(new HostTopology(nodes),
                new ResourceConfig(null, null, null, null, tags, null), hostname);
    }
}
