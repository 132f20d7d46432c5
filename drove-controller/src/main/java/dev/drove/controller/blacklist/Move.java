package dev.drove.controller.blacklist;

import dev.drove.models.instance.InstanceInfo;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Moving one application's instances off blacklisted executors: one REPLACE_INSTANCES of exactly those instances.
 * However many executors are blacklisted together, each application is moved once (docs: cluster/maintenance.md,
 * "Drove will optimize bulk blacklisting related app migrations").
 *
 * @param instanceIds the application's instances still active (not STOPPED or LOST) on those executors
 * @param executorIds the blacklisted executors they run on
 */
record Move(String appId, SortedSet<String> instanceIds, SortedSet<String> executorIds) {
    Move {
        instanceIds = Collections.unmodifiableSortedSet(new TreeSet<>(instanceIds));
        executorIds = Collections.unmodifiableSortedSet(new TreeSet<>(executorIds));
        if (instanceIds.isEmpty()) {
            throw new IllegalArgumentException("A move of app " + appId + " needs at least one instance");
        }
    }

    /**
     * The moves that take every active application instance off {@code blacklisted}, in the order they run: one per
     * application that has any there, by appId, so a pass is repeatable and each application is moved once.
     * Instances elsewhere, and those already STOPPED or LOST, are left alone. Local service instances and tasks are
     * not application instances and never appear here.
     *
     * @param instancesByApp every application's instances, by appId
     */
    static List<Move> plan(Set<String> blacklisted, Map<String, List<InstanceInfo>> instancesByApp) {
        var moves = new ArrayList<Move>();
        new TreeMap<>(instancesByApp).forEach((appId, instances) -> {
            var ids = new TreeSet<String>();
            var executors = new TreeSet<String>();
            for (var instance : instances) {
                if (instance.state() != null && !instance.state().isTerminal()
                        && blacklisted.contains(instance.executorId())) {
                    ids.add(instance.instanceId());
                    executors.add(instance.executorId());
                }
            }
            if (!ids.isEmpty()) {
                moves.add(new Move(appId, ids, executors));
            }
        });
        return List.copyOf(moves);
    }
}
