package dev.drove.controller.scheduler;

import java.util.BitSet;
import java.util.Collection;
import java.util.Collections;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The free part of one NUMA node of an executor: which core ids are free and how many megabytes. Immutable; core ids
 * are kept in a bit set because placements read them far more often than they are built.
 */
public final class NumaNodeSnapshot {
    private final int nodeId;
    private final BitSet freeCores;
    private final int freeCoreCount;
    private final long freeMemoryMB;

    private NumaNodeSnapshot(int nodeId, BitSet freeCores, long freeMemoryMB) {
        if (nodeId < 0) {
            throw new IllegalArgumentException("A NUMA node id is never negative, got " + nodeId);
        }
        this.nodeId = nodeId;
        this.freeCores = freeCores;
        this.freeCoreCount = freeCores.cardinality();
        this.freeMemoryMB = freeMemoryMB;
    }

    /** A node with the given free core ids (copied) and free megabytes. */
    public static NumaNodeSnapshot of(int nodeId, Collection<Integer> freeCores, long freeMemoryMB) {
        var bits = new BitSet();
        freeCores.forEach(bits::set);
        return new NumaNodeSnapshot(nodeId, bits, freeMemoryMB);
    }

    /** The same as {@link #of}, from a bit set of free core ids; the bit set is copied. */
    static NumaNodeSnapshot ofBits(int nodeId, BitSet freeCores, long freeMemoryMB) {
        return new NumaNodeSnapshot(nodeId, (BitSet) freeCores.clone(), freeMemoryMB);
    }

    public int nodeId() {
        return nodeId;
    }

    public int freeCoreCount() {
        return freeCoreCount;
    }

    public long freeMemoryMB() {
        return freeMemoryMB;
    }

    /** The free core ids, ascending. */
    public SortedSet<Integer> freeCoreIds() {
        return firstFreeCores(freeCoreCount);
    }

    /** The {@code count} lowest free core ids; fewer when the node has fewer free. */
    public SortedSet<Integer> firstFreeCores(int count) {
        var ids = new TreeSet<Integer>();
        for (int core = freeCores.nextSetBit(0); core >= 0 && ids.size() < count; core = freeCores.nextSetBit(core + 1)) {
            ids.add(core);
        }
        return Collections.unmodifiableSortedSet(ids);
    }

    /** Whether this node alone can give {@code cores} whole cores and {@code memoryMB} megabytes. */
    public boolean fits(int cores, long memoryMB) {
        return freeCoreCount >= cores && freeMemoryMB >= memoryMB;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof NumaNodeSnapshot that
                && nodeId == that.nodeId && freeMemoryMB == that.freeMemoryMB && freeCores.equals(that.freeCores);
    }

    @Override
    public int hashCode() {
        return (31 * nodeId + freeCores.hashCode()) * 31 + Long.hashCode(freeMemoryMB);
    }

    @Override
    public String toString() {
        return "node " + nodeId + ": free cores " + freeCores + ", " + freeMemoryMB + " MB free";
    }
}
