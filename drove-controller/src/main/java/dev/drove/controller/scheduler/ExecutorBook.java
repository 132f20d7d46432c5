package dev.drove.controller.scheduler;

import dev.drove.models.info.nodedata.ExecutorNodeData;
import dev.drove.models.info.nodedata.ExecutorState;
import dev.drove.models.info.resources.CPUAllocation;
import dev.drove.models.info.resources.MemoryAllocation;
import dev.drove.models.info.resources.ResourceAllocation;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The live book of one executor: every core's state and each NUMA node's free memory, the soft allocations its
 * reports do not show yet, and the group counts. Every method holds the book's lock, so a placement checks and
 * allocates in one step. The last snapshot is kept until the book changes, so the many executors a placement only
 * looks at cost no copying.
 */
final class ExecutorBook {
    /** One NUMA node: all cores it offers, those FREE, those ALLOCATED; the rest are IN_USE. */
    private static final class Node {
        final BitSet all = new BitSet();
        final BitSet free = new BitSet();
        final BitSet allocated = new BitSet();
        long freeMemoryMB;
    }

    private final String id;
    private String hostname = "";
    private Set<String> tags = Set.of();
    private Map<String, String> metadata = Map.of();
    private ExecutorState state = ExecutorState.ACTIVE;
    private final TreeMap<Integer, Node> nodes = new TreeMap<>();
    private Map<String, Integer> reportedGroups = Map.of();
    private final List<SoftAllocation> softAllocations = new ArrayList<>();
    private ExecutorSnapshot snapshot;

    ExecutorBook(String id) {
        this.id = id;
    }

    /**
     * Takes the executor's report as the truth about cores, memory and groups, then lays over it the soft allocations
     * that no reported container holds yet.
     */
    synchronized void update(ExecutorNodeData data) {
        var resources = ExecutorSnapshot.requireResources(data);
        hostname = data.hostname();
        tags = data.tags();
        metadata = data.metadata();
        state = data.executorState();
        nodes.clear();
        var cpus = resources.cpus();
        var memory = resources.memory();
        if (resources.layout() != null) {
            resources.layout().cores().forEach((node, cores) -> cores.forEach(nodeFor(node).all::set));
        }
        if (cpus != null) {
            cpus.freeCores().forEach((node, cores) -> cores.forEach(core -> {
                nodeFor(node).all.set(core);
                nodeFor(node).free.set(core);
            }));
            cpus.usedCores().forEach((node, cores) -> cores.forEach(nodeFor(node).all::set));
        }
        if (memory != null) {
            memory.freeMemory().forEach((node, mb) -> nodeFor(node).freeMemoryMB = mb);
        }
        reportedGroups = ReportedGroups.count(data);
        var held = ReportedGroups.heldCores(data);
        softAllocations.removeIf(soft -> soft.isConfirmedBy(held));
        softAllocations.forEach(this::lay);
        snapshot = null;
    }

    /** The executor as the scheduler sees it now. */
    synchronized ExecutorSnapshot snapshot() {
        if (snapshot == null) {
            var groups = new HashMap<>(reportedGroups);
            softAllocations.forEach(soft -> groups.merge(soft.groupKey(), 1, Integer::sum));
            var nodeViews = new ArrayList<NumaNodeSnapshot>(nodes.size());
            nodes.forEach((nodeId, node) -> nodeViews.add(NumaNodeSnapshot.ofBits(nodeId, node.free,
                    node.freeMemoryMB)));
            snapshot = new ExecutorSnapshot(id, hostname, tags, state, state.isBlacklisted(), nodes.size() > 1,
                    nodeViews, groups, metadata);
        }
        return snapshot;
    }

    /**
     * Checks the executor with {@code filter} and, when it passes, takes the cores and memory from one NUMA node;
     * both under the lock, so no other placement can take them in between.
     */
    synchronized Attempt attempt(PlacementRequest request, NodeFilter filter) {
        var view = snapshot();
        var verdict = filter.check(request, view);
        if (!verdict.accepted()) {
            return Attempt.rejected(verdict.reason());
        }
        var choice = NumaAllocator.choose(view.nodes(), request.cpus(), request.memoryMB());
        if (choice.isEmpty()) {
            return Attempt.rejected(NumaAllocator.INSTANCE.check(request, view).reason());
        }
        var soft = new SoftAllocation(request.groupKey(), choice.get());
        softAllocations.add(soft);
        lay(soft);
        snapshot = null;
        return Attempt.placed(new Placement(id, hostname, choice.get().allocations()));
    }

    /**
     * Frees the cores and memory of one placement: drops its soft allocation, or frees its cores if the executor
     * reported them IN_USE. Cores already FREE are left alone, so releasing twice frees nothing twice.
     *
     * @return whether anything was freed
     */
    synchronized boolean release(List<ResourceAllocation> allocations) {
        var cpu = allocations.stream().filter(CPUAllocation.class::isInstance).map(CPUAllocation.class::cast)
                .findFirst().orElse(new CPUAllocation(Map.of()));
        var memory = allocations.stream().filter(MemoryAllocation.class::isInstance)
                .map(MemoryAllocation.class::cast).findFirst().orElse(new MemoryAllocation(Map.of()));
        var freed = false;
        for (var entry : cpu.cores().entrySet()) {
            var soft = softAllocations.stream().filter(s -> s.holds(entry.getKey(), entry.getValue())).findFirst();
            if (soft.isPresent()) {
                softAllocations.remove(soft.get());
                unlay(soft.get());
                freed = true;
                continue;
            }
            var node = nodes.get(entry.getKey());
            if (node != null && freeInUse(node, entry.getValue())) {
                node.freeMemoryMB += memory.memoryInMB().getOrDefault(entry.getKey(), 0L);
                freed = true;
            }
        }
        if (freed) {
            snapshot = null;
        }
        return freed;
    }

    synchronized Optional<CoreState> coreState(int coreId) {
        for (var node : nodes.values()) {
            if (node.allocated.get(coreId)) {
                return Optional.of(CoreState.ALLOCATED);
            }
            if (node.free.get(coreId)) {
                return Optional.of(CoreState.FREE);
            }
            if (node.all.get(coreId)) {
                return Optional.of(CoreState.IN_USE);
            }
        }
        return Optional.empty();
    }

    private boolean freeInUse(Node node, Set<Integer> cores) {
        var freed = false;
        for (var core : cores) {
            if (node.all.get(core) && !node.free.get(core) && !node.allocated.get(core)) {
                node.free.set(core);
                freed = true;
            }
        }
        return freed;
    }

    private Node nodeFor(int nodeId) {
        return nodes.computeIfAbsent(nodeId, ignored -> new Node());
    }

    private void lay(SoftAllocation soft) {
        var node = nodeFor(soft.choice().nodeId());
        soft.choice().cores().forEach(core -> {
            node.all.set(core);
            node.free.clear(core);
            node.allocated.set(core);
        });
        node.freeMemoryMB -= soft.choice().memoryMB();
    }

    private void unlay(SoftAllocation soft) {
        var node = nodeFor(soft.choice().nodeId());
        soft.choice().cores().forEach(core -> {
            node.allocated.clear(core);
            node.free.set(core);
        });
        node.freeMemoryMB += soft.choice().memoryMB();
    }
}
