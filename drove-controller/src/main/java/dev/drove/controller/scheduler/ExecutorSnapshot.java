package dev.drove.controller.scheduler;

import dev.drove.models.info.nodedata.ExecutorNodeData;
import dev.drove.models.info.nodedata.ExecutorState;
import dev.drove.models.info.resources.ExecutorResourceSnapshot;

import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The scheduler's immutable view of one executor: who it is, whether it takes work, its free cores and memory per
 * NUMA node, and how many containers of each placement group (appId, {@code sourceAppName-taskId}, local service id)
 * run on it.
 *
 * @param tags        every tag of the executor; always includes its hostname (docs: "All hosts have at-least one tag,
 *                    it's own hostname")
 * @param numaPinning whether the executor offers more than one NUMA node. An executor with {@code disableNUMAPinning}
 *                    offers everything as one node 0 (contract §3), which a report cannot tell apart from a one-node
 *                    machine; both are allocated from the node 0 pool, so the difference does not matter here.
 * @param nodes       the free part of each NUMA node, ascending by node id
 * @param instances   group key to the number of its containers here that hold resources; keys are never null
 */
public record ExecutorSnapshot(String id,
                               String hostname,
                               Set<String> tags,
                               ExecutorState state,
                               boolean blacklisted,
                               boolean numaPinning,
                               List<NumaNodeSnapshot> nodes,
                               Map<String, Integer> instances,
                               Map<String, String> metadata) {
    public ExecutorSnapshot {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(hostname, "hostname");
        var allTags = new TreeSet<String>(tags == null ? Set.of() : tags);
        allTags.add(hostname);
        tags = Collections.unmodifiableSortedSet(allTags);
        state = state == null ? ExecutorState.ACTIVE : state;
        nodes = nodes == null ? List.of() : ascendingById(nodes);
        instances = instances == null ? Map.of()
                : instances instanceof GroupCounts ? instances // immutable already: the book's counts, not copied
                : Map.copyOf(instances);
        metadata = metadata == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
    }

    /**
     * The view of an executor as it reported itself: free cores and memory straight from its resource snapshot, and
     * group counts from the instances, tasks and local service instances it lists that have not ended.
     *
     * @throws IllegalArgumentException when the report has no resource state (it then has no executor id either)
     */
    public static ExecutorSnapshot from(ExecutorNodeData data) {
        var resources = requireResources(data);
        var cpus = resources.cpus();
        var memory = resources.memory();
        var nodeIds = new TreeSet<Integer>();
        if (cpus != null) {
            nodeIds.addAll(cpus.freeCores().keySet());
            nodeIds.addAll(cpus.usedCores().keySet());
        }
        if (memory != null) {
            nodeIds.addAll(memory.freeMemory().keySet());
        }
        if (resources.layout() != null) {
            nodeIds.addAll(resources.layout().cores().keySet());
        }
        var nodes = nodeIds.stream()
                .map(node -> NumaNodeSnapshot.of(node,
                        cpus == null ? Set.of() : cpus.freeCores().getOrDefault(node, Set.of()),
                        memory == null ? 0L : memory.freeMemory().getOrDefault(node, 0L)))
                .toList();
        return new ExecutorSnapshot(resources.executorId(), data.hostname(), data.tags(), data.executorState(),
                data.isBlacklisted(), nodes.size() > 1, nodes, ReportedGroups.count(data), data.metadata());
    }

    private static List<NumaNodeSnapshot> ascendingById(List<NumaNodeSnapshot> nodes) {
        for (int i = 1; i < nodes.size(); i++) {
            if (nodes.get(i - 1).nodeId() > nodes.get(i).nodeId()) {
                return nodes.stream().sorted(Comparator.comparingInt(NumaNodeSnapshot::nodeId)).toList();
            }
        }
        return List.copyOf(nodes);
    }

        static ExecutorResourceSnapshot requireResources(ExecutorNodeData data) {
        var resources = data.state();
        if (resources == null || resources.executorId() == null) {
            throw new IllegalArgumentException("The report of executor host " + data.hostname()
                    + " carries no resource state, so it names no executor id");
        }
        return resources;
    }

    /** How many containers of {@code groupKey} hold resources here. */
    public int instancesOf(String groupKey) {
        return instances.getOrDefault(groupKey, 0);
    }

    /** The tags other than the hostname; an executor with any takes only MATCH_TAG work for them. */
    public SortedSet<String> customTags() {
        var custom = new TreeSet<>(tags);
        custom.remove(hostname);
        return Collections.unmodifiableSortedSet(custom);
    }

    public int freeCoreCount() {
        return nodes.stream().mapToInt(NumaNodeSnapshot::freeCoreCount).sum();
    }

    public long freeMemoryMB() {
        return nodes.stream().mapToLong(NumaNodeSnapshot::freeMemoryMB).sum();
    }

    /** Node id to free core count, for rules. */
    Map<Integer, Integer> freeCoresByNode() {
        var byNode = new TreeMap<Integer, Integer>();
        nodes.forEach(node -> byNode.put(node.nodeId(), node.freeCoreCount()));
        return Collections.unmodifiableMap(byNode);
    }

    /** Node id to free megabytes, for rules. */
    Map<Integer, Long> freeMemoryByNode() {
        var byNode = new TreeMap<Integer, Long>();
        nodes.forEach(node -> byNode.put(node.nodeId(), node.freeMemoryMB()));
        return Collections.unmodifiableMap(byNode);
    }
}
