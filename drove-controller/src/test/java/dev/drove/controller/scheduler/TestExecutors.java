package dev.drove.controller.scheduler;

import dev.drove.models.info.nodedata.ExecutorNodeData;
import dev.drove.models.info.nodedata.ExecutorState;
import dev.drove.models.info.nodedata.NodeTransportType;
import dev.drove.models.info.resources.AvailableCPU;
import dev.drove.models.info.resources.AvailableMemory;
import dev.drove.models.info.resources.CPUAllocation;
import dev.drove.models.info.resources.ExecutorResourceSnapshot;
import dev.drove.models.info.resources.MemoryAllocation;
import dev.drove.models.info.resources.PhysicalLayout;
import dev.drove.models.info.resources.ResourceAllocation;
import dev.drove.models.instance.InstanceInfo;
import dev.drove.models.instance.InstanceState;
import dev.drove.models.instance.LocalServiceInstanceInfo;
import dev.drove.models.instance.LocalServiceInstanceState;
import dev.drove.models.taskinstance.TaskInfo;
import dev.drove.models.taskinstance.TaskState;

import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Executor reports for scheduler tests. Nodes get consecutive core ids: {@code host("h1").node(4, 4096).node(4, 4096)}
 * is node 0 with cores 0..3 and node 1 with cores 4..7. Running containers mark their cores and memory used.
 */
final class TestExecutors {
    static final String APP = "TEST_APP-1";

    private TestExecutors() {
    }

    static Builder host(String hostname) {
        return new Builder(hostname);
    }

    static String idOf(String hostname) {
        return "executor-" + hostname;
    }

    static final class Builder {
        private final String hostname;
        private final Set<String> tags = new LinkedHashSet<>();
        private final Map<String, String> metadata = new LinkedHashMap<>();
        private final TreeMap<Integer, Set<Integer>> cores = new TreeMap<>();
        private final TreeMap<Integer, Long> memory = new TreeMap<>();
        private final TreeMap<Integer, Set<Integer>> usedCores = new TreeMap<>();
        private final TreeMap<Integer, Long> usedMemory = new TreeMap<>();
        private final List<InstanceInfo> instances = new ArrayList<>();
        private final List<TaskInfo> tasks = new ArrayList<>();
        private final List<LocalServiceInstanceInfo> services = new ArrayList<>();
        private ExecutorState state = ExecutorState.ACTIVE;
        private int nextCore;
        private int containers;

        private Builder(String hostname) {
            this.hostname = hostname;
        }

        String id() {
            return idOf(hostname);
        }

        Builder tags(String... more) {
            tags.addAll(List.of(more));
            return this;
        }

        Builder metadata(String key, String value) {
            metadata.put(key, value);
            return this;
        }

        Builder state(ExecutorState executorState) {
            state = executorState;
            return this;
        }

        /** Adds the next NUMA node with {@code coreCount} cores and {@code memoryMB} megabytes. */
        Builder node(int coreCount, long memoryMB) {
            int nodeId = cores.size();
            var ids = new TreeSet<Integer>();
            for (int i = 0; i < coreCount; i++) {
                ids.add(nextCore++);
            }
            cores.put(nodeId, ids);
            memory.put(nodeId, memoryMB);
            return this;
        }

        /** An application instance of {@code appId} holding {@code coreIds} and {@code memoryMB} of node 0. */
        Builder instance(String appId, InstanceState instanceState, long memoryMB, Integer... coreIds) {
            instances.add(new InstanceInfo(appId, appId, "AI-" + (++containers), id(), null,
                    hold(0, memoryMB, coreIds), instanceState, null, "", new Date(), new Date()));
            return this;
        }

        Builder instance(String appId, Integer... coreIds) {
            return instance(appId, InstanceState.HEALTHY, 128, coreIds);
        }

        /** An application instance holding exactly {@code resources}, such as a placement's allocations. */
        Builder instance(String appId, List<ResourceAllocation> resources) {
            resources.forEach(allocation -> {
                if (allocation instanceof CPUAllocation cpu) {
                    cpu.cores().forEach((node, ids) ->
                            usedCores.computeIfAbsent(node, ignored -> new TreeSet<>()).addAll(ids));
                } else if (allocation instanceof MemoryAllocation memoryAllocation) {
                    memoryAllocation.memoryInMB().forEach((node, mb) -> usedMemory.merge(node, mb, Long::sum));
                }
            });
            instances.add(new InstanceInfo(appId, appId, "AI-" + (++containers), id(), null, resources,
                    InstanceState.HEALTHY, null, "", new Date(), new Date()));
            return this;
        }

        Builder task(String sourceAppName, String taskId, TaskState taskState, Integer... coreIds) {
            tasks.add(new TaskInfo(sourceAppName, taskId, "TI-" + (++containers), id(), hostname, null,
                    hold(0, 128, coreIds), null, null, null, taskState, null, null, "", new Date(), new Date()));
            return this;
        }

        Builder service(String serviceId, LocalServiceInstanceState serviceState, Integer... coreIds) {
            services.add(new LocalServiceInstanceInfo(serviceId, serviceId, "SI-" + (++containers), id(), null,
                    hold(0, 128, coreIds), serviceState, null, "", new Date(), new Date()));
            return this;
        }

        /** Marks cores and memory of a node used without a container holding them. */
        Builder used(int nodeId, long memoryMB, Integer... coreIds) {
            hold(nodeId, memoryMB, coreIds);
            return this;
        }

        private List<ResourceAllocation> hold(int nodeId, long memoryMB, Integer... coreIds) {
            usedCores.computeIfAbsent(nodeId, ignored -> new TreeSet<>()).addAll(List.of(coreIds));
            usedMemory.merge(nodeId, memoryMB, Long::sum);
            return List.of(new CPUAllocation(Map.of(nodeId, Set.of(coreIds))),
                    new MemoryAllocation(Map.of(nodeId, memoryMB)));
        }

        ExecutorNodeData build() {
            var free = new TreeMap<Integer, Set<Integer>>();
            var freeMemory = new TreeMap<Integer, Long>();
            cores.forEach((node, ids) -> {
                var left = new TreeSet<>(ids);
                left.removeAll(usedCores.getOrDefault(node, Set.of()));
                free.put(node, left);
                freeMemory.put(node, memory.get(node) - usedMemory.getOrDefault(node, 0L));
            });
            var resources = new ExecutorResourceSnapshot(id(), new AvailableCPU(free, usedCores),
                    new AvailableMemory(freeMemory, usedMemory), new PhysicalLayout(cores, memory));
            var allTags = new LinkedHashSet<String>();
            allTags.add(hostname);
            allTags.addAll(tags);
            return new ExecutorNodeData(hostname, 3000, NodeTransportType.HTTP, new Date(), resources, instances,
                    tasks, services, allTags, metadata, state);
        }
    }

    /** A cluster book holding these executors. */
    static ClusterResources cluster(Builder... executors) {
        var resources = new ClusterResources();
        for (var executor : executors) {
            resources.update(executor.build());
        }
        return resources;
    }

    /** The cores of a placement: NUMA node to core ids. */
    static Map<Integer, Set<Integer>> coresOf(Placement placement) {
        return placement.allocations().stream().filter(CPUAllocation.class::isInstance)
                .map(CPUAllocation.class::cast).findFirst().orElseThrow().cores();
    }

    /** The memory of a placement: NUMA node to megabytes. */
    static Map<Integer, Long> memoryOf(Placement placement) {
        return placement.allocations().stream().filter(MemoryAllocation.class::isInstance)
                .map(MemoryAllocation.class::cast).findFirst().orElseThrow().memoryInMB();
    }
}
