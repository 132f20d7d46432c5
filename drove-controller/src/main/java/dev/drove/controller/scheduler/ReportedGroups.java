package dev.drove.controller.scheduler;

import dev.drove.models.info.nodedata.ExecutorNodeData;
import dev.drove.models.info.resources.CPUAllocation;
import dev.drove.models.info.resources.ResourceAllocation;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What an executor's report says about who holds what: the containers of each placement group that have not ended,
 * and the exact core sets they hold. Group keys: an instance's appId, a task's {@code sourceAppName-taskId}, a local
 * service instance's serviceId.
 */
final class ReportedGroups {
    private ReportedGroups() {
    }

    /**
     * Group key to the number of its containers in the report that have not reached a terminal state. A container
     * that names no group (a malformed report) belongs to none.
     */
    static Map<String, Integer> count(ExecutorNodeData data) {
        var counts = new HashMap<String, Integer>();
        data.instances().stream().filter(i -> i.state() == null || !i.state().isTerminal())
                .forEach(i -> count(counts, i.appId()));
        data.tasks().stream().filter(t -> t.state() == null || !t.state().isTerminal())
                .forEach(t -> count(counts, t.qualifiedTaskId()));
        data.serviceInstances().stream().filter(s -> s.state() == null || !s.state().isTerminal())
                .forEach(s -> count(counts, s.serviceId()));
        return counts;
    }

    private static void count(Map<String, Integer> counts, String groupKey) {
        if (groupKey != null) {
            counts.merge(groupKey, 1, Integer::sum);
        }
    }

    /** The core sets (NUMA node to core ids) that the reported containers hold, whatever their state. */
    static Set<Map<Integer, Set<Integer>>> heldCores(ExecutorNodeData data) {
        var held = new HashSet<Map<Integer, Set<Integer>>>();
        data.instances().forEach(i -> addCores(held, i.resources()));
        data.tasks().forEach(t -> addCores(held, t.resources()));
        data.serviceInstances().forEach(s -> addCores(held, s.resources()));
        return held;
    }

    private static void addCores(Set<Map<Integer, Set<Integer>>> held, List<ResourceAllocation> resources) {
        resources.stream().filter(CPUAllocation.class::isInstance).map(CPUAllocation.class::cast)
                .forEach(cpu -> held.add(cpu.cores()));
    }
}
