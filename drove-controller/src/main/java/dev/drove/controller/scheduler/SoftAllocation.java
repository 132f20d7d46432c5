package dev.drove.controller.scheduler;

import java.util.Map;
import java.util.Set;

/**
 * Cores and memory this controller placed on an executor that the executor has not yet reported as held. It is
 * confirmed (and forgotten) when a report lists a container holding exactly these cores, or dropped on release.
 */
record SoftAllocation(String groupKey, NumaChoice choice) {

    /** Whether a reported container holds exactly these cores. */
    boolean isConfirmedBy(Set<Map<Integer, Set<Integer>>> heldCores) {
        return heldCores.contains(Map.of(choice.nodeId(), choice.cores()));
    }

    boolean holds(int nodeId, Set<Integer> cores) {
        return choice.nodeId() == nodeId && choice.cores().equals(cores);
    }
}
