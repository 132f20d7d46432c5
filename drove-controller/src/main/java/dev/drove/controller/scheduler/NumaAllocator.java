package dev.drove.controller.scheduler;

import java.util.List;
import java.util.Optional;

/**
 * The last step of placement: whole cores and the memory from ONE NUMA node (contract §3 "Allocation": the first
 * node, by id, with enough free cores and megabytes; its lowest free core ids). An executor without NUMA pinning
 * reports a single node 0, so it is allocated from that one pool.
 */
final class NumaAllocator implements NodeFilter {
    static final NumaAllocator INSTANCE = new NumaAllocator();

    private NumaAllocator() {
    }

    @Override
    public Verdict check(PlacementRequest request, ExecutorSnapshot executor) {
        for (var node : executor.nodes()) {
            if (node.fits(request.cpus(), request.memoryMB())) {
                return Verdict.ACCEPT;
            }
        }
        var cores = request.cpus() == 1 ? "1 free core" : request.cpus() + " free cores";
        if (executor.nodes().stream().noneMatch(node -> node.fits(request.cpus(), 0))) {
            return Verdict.reject("has no NUMA node with %s", cores);
        }
        return Verdict.reject("has no NUMA node with %s and %d MB free memory", cores, request.memoryMB());
    }

    /** The first node that fits and its lowest free core ids; empty when no single node fits. */
    static Optional<NumaChoice> choose(List<NumaNodeSnapshot> nodes, int cpus, long memoryMB) {
        for (var node : nodes) {
            if (node.fits(cpus, memoryMB)) {
                return Optional.of(new NumaChoice(node.nodeId(), node.firstFreeCores(cpus), memoryMB));
            }
        }
        return Optional.empty();
    }
}
