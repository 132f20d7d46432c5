package dev.drove.executor.topology;

import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The NUMA nodes of this host, sorted by id. Each CPU belongs to exactly one node.
 *
 * @param nodes at least one node; ids and CPUs are unique across nodes
 */
public record HostTopology(List<NumaNode> nodes) {
    public HostTopology {
        if (nodes.isEmpty()) {
            throw new IllegalArgumentException("A host has at least one NUMA node");
        }
        nodes = nodes.stream().sorted(Comparator.comparingInt(NumaNode::id)).toList();
        Set<Integer> ids = new HashSet<>();
        Set<Integer> cpus = new HashSet<>();
        for (NumaNode node : nodes) {
            if (!ids.add(node.id())) {
                throw new IllegalArgumentException("NUMA node " + node.id() + " is listed twice");
            }
            for (int cpu : node.cpus()) {
                if (!cpus.add(cpu)) {
                    throw new IllegalArgumentException("CPU " + cpu + " is listed on more than one NUMA node");
                }
            }
        }
    }

    /** The node with this id, if the host has it. */
    public Optional<NumaNode> node(int id) {
        return nodes.stream().filter(node -> node.id() == id).findFirst();
    }

    /** Every CPU id of the host, sorted. */
    public SortedSet<Integer> allCpus() {
        return nodes.stream().flatMap(node -> node.cpus().stream()).collect(Collectors.toCollection(TreeSet::new));
    }

    /**
     * One line for operators: "Found 2 NUMA nodes: node 0 has 8 CPUs (0-3,8-11) and 16384 MB, node 1 has …".
     */
    public String describe() {
        return "Found %d NUMA node%s: %s".formatted(nodes.size(), nodes.size() == 1 ? "" : "s",
                nodes.stream().map(NumaNode::describe).collect(Collectors.joining(", ")));
    }
}
