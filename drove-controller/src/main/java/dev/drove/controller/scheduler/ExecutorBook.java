package dev.drove.controller.scheduler;

import dev.drove.models.info.nodedata.ExecutorNodeData;
import dev.drove.models.info.nodedata.ExecutorState;
import dev.drove.models.info.resources.CPUAllocation;
import dev.drove.models.info.resources.MemoryAllocation;
import dev.drove.models.info.resources.ResourceAllocation;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The live book of one executor: every core's state and each NUMA node's free memory, the soft allocations its
 * reports do not show yet, and the group counts. Every method holds the book's lock, so a placement checks and
 * allocates in one step. The last snapshot is kept until the book changes, so the many executors a placement only
 * looks at cost no copying. After every change the book moves itself in the {@link ExecutorPool}s it belongs to.
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
    private final long seq;
    private final ExecutorPools pools;
    private String hostname = "";
    private Set<String> tags = Set.of();
    private Map<String, String> metadata = Map.of();
    private ExecutorState state = ExecutorState.ACTIVE;
    private final TreeMap<Integer, Node> nodes = new TreeMap<>();
    /** Containers per group key: the reported ones plus the soft allocations. */
    private GroupCounts groups = GroupCounts.EMPTY;
    /** Soft allocations by {@link #keyOf their lowest core}, a core no other soft allocation here holds. */
    private final LinkedHashMap<Long, SoftAllocation> softAllocations = new LinkedHashMap<>();
    private ExecutorSnapshot snapshot;
    private List<ExecutorPool> memberOf = List.of();
    /** The free core count its pools file it under for bin packing; -1 while they keep no such order. */
    private int filedFreeCores = -1;
    private boolean retired;

    /**
     * @param seq   this book's place in the order executors became known; breaks ties in the fullness order
     * @param pools where the book files itself by its tags
     */
    ExecutorBook(String id, long seq, ExecutorPools pools) {
        this.id = id;
        this.seq = seq;
        this.pools = pools;
    }

    String id() {
        return id;
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
        groups = GroupCounts.of(ReportedGroups.count(data));
        var held = ReportedGroups.heldCores(data);
        softAllocations.values().removeIf(soft -> soft.isConfirmedBy(held));
        softAllocations.values().forEach(this::lay);
        snapshot = null;
        var customTags = new TreeSet<>(tags == null ? Set.of() : tags);
        customTags.remove(hostname);
        rejoin(retired ? List.of() : pools.poolsFor(customTags));
    }

    /** The executor as the scheduler sees it now. */
    synchronized ExecutorSnapshot snapshot() {
        if (snapshot == null) {
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
     * both under the lock, so no other placement can take them in between. A book that was removed takes nothing.
     */
    synchronized Attempt attempt(PlacementRequest request, NodeFilter filter) {
        if (retired) {
            return Attempt.rejected(ClusterResources.UNKNOWN);
        }
        var view = snapshot();
        var verdict = filter.check(request, view);
        if (!verdict.accepted()) {
            return Attempt.rejected(verdict);
        }
        var choice = NumaAllocator.choose(view.nodes(), request.cpus(), request.memoryMB());
        if (choice.isEmpty()) {
            return Attempt.rejected(NumaAllocator.INSTANCE.check(request, view));
        }
        var soft = new SoftAllocation(request.groupKey(), choice.get());
        softAllocations.put(keyOf(soft.choice().nodeId(), soft.choice().cores()), soft);
        lay(soft);
        changed();
        return Attempt.placed(new Placement(id, hostname, choice.get().allocations()));
    }

    /**
     * Frees the cores and memory of one placement: drops its soft allocation, or frees its cores if the executor
     * reported them IN_USE. Cores already FREE are left alone, so releasing twice frees nothing twice.
     *
     * @return whether anything was freed
     */
    synchronized boolean release(List<ResourceAllocation> allocations) {
        Map<Integer, Set<Integer>> cores = null;
        Map<Integer, Long> memory = null;
        for (var allocation : allocations) {
            if (allocation instanceof CPUAllocation cpu && cores == null) {
                cores = cpu.cores();
            } else if (allocation instanceof MemoryAllocation mb && memory == null) {
                memory = mb.memoryInMB();
            }
        }
        cores = cores == null ? Map.of() : cores;
        memory = memory == null ? Map.of() : memory;
        var freed = false;
        for (var entry : cores.entrySet()) {
            var key = keyOf(entry.getKey(), entry.getValue());
            var soft = softAllocations.get(key);
            if (soft != null && soft.holds(entry.getKey(), entry.getValue())) {
                softAllocations.remove(key);
                unlay(soft);
                freed = true;
                continue;
            }
            var node = nodes.get(entry.getKey());
            if (node != null && freeInUse(node, entry.getValue())) {
                node.freeMemoryMB += memory.getOrDefault(entry.getKey(), 0L);
                freed = true;
            }
        }
        if (freed) {
            changed();
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

    /** Its key in the fullness order as of now. */
    synchronized Fullness fullness() {
        return currentFullness();
    }

    /** The executor is gone: it leaves its pools and takes no more placements. */
    synchronized void retire() {
        retired = true;
        rejoin(List.of());
    }

    /**
     * Files the book by its free core count in each of its pools, once some scheduler places fullest first
     * ({@link ExecutorPools#orderByFreeCores}); doing it twice does nothing.
     */
    synchronized void fileByFreeCores() {
        if (filedFreeCores < 0 && !memberOf.isEmpty()) {
            filedFreeCores = freeCores();
            memberOf.forEach(pool -> pool.file(this, filedFreeCores));
        }
    }

    private void changed() {
        snapshot = null;
        if (filedFreeCores < 0) {
            return;
        }
        int now = freeCores();
        if (now != filedFreeCores) {
            for (var pool : memberOf) {
                pool.move(this, filedFreeCores, now);
            }
            filedFreeCores = now;
        }
    }

    private void rejoin(List<ExecutorPool> target) {
        if (target.equals(memberOf)) {
            changed();
            return;
        }
        if (filedFreeCores >= 0) {
            memberOf.forEach(pool -> pool.unfile(this, filedFreeCores));
            filedFreeCores = -1;
        }
        memberOf.forEach(pool -> pool.leave(this));
        memberOf = target;
        memberOf.forEach(pool -> pool.join(this));
        if (pools.isOrderedByFreeCores()) {
            fileByFreeCores();
        }
    }

    private int freeCores() {
        int cores = 0;
        for (var node : nodes.values()) {
            cores += node.free.cardinality();
        }
        return cores;
    }

    private Fullness currentFullness() {
        long memory = 0;
        for (var node : nodes.values()) {
            memory += node.freeMemoryMB;
        }
        return new Fullness(freeCores(), memory, seq, this);
    }

    /** Its registration number, so that pools list executors in the same order in every run. */
    @Override
    public int hashCode() {
        return Long.hashCode(seq);
    }

    /** Soft allocations never share a core, so the node and lowest core id of one name it. */
    private static long keyOf(int nodeId, Set<Integer> cores) {
        int lowest = Integer.MAX_VALUE;
        for (int core : cores) {
            lowest = Math.min(lowest, core);
        }
        return ((long) nodeId << 32) | (lowest & 0xFFFFFFFFL);
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
        groups = groups.plus(soft.groupKey(), 1);
    }

    private void unlay(SoftAllocation soft) {
        var node = nodeFor(soft.choice().nodeId());
        soft.choice().cores().forEach(core -> {
            node.allocated.clear(core);
            node.free.set(core);
        });
        node.freeMemoryMB += soft.choice().memoryMB();
        groups = groups.plus(soft.groupKey(), -1);
    }
}
