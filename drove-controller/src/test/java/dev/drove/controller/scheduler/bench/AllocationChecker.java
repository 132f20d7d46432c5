package dev.drove.controller.scheduler.bench;

import dev.drove.models.application.placement.AnyPlacement;
import dev.drove.models.application.placement.MatchTagPlacement;
import dev.drove.models.application.placement.MaxNPerHostPlacement;
import dev.drove.models.application.placement.OnePerHostPlacement;
import dev.drove.models.application.placement.PlacementPolicy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;

/**
 * Replays a {@link PlacementLog} on a model of the cluster of its own, written without the scheduler's code, and
 * checks every start against what was running at that moment: the placement is on a known executor, its cores and
 * memory come from one NUMA node of that executor's layout in the size the app asked for, no core is held twice, no
 * node gives more memory than it has, and the app's policy holds (MATCH_TAG on an executor with the tag, other
 * policies only on untagged executors, ONE_PER_HOST and MAX_N_PER_HOST counts per executor). Every stop must stop a
 * running instance.
 */
final class AllocationChecker {
    private static final int KEPT_MESSAGES = 10;

    private final BenchCluster cluster;
    private final List<BenchApp> apps;

    AllocationChecker(BenchCluster cluster, List<BenchApp> apps) {
        this.cluster = cluster;
        this.apps = List.copyOf(apps);
    }

    /** What the replay found, and what runs where at its end. */
    record Result(long starts, long stops, long violations, List<String> firstViolations, Occupancy occupancy) {
        boolean passed() {
            return violations == 0;
        }

        String verdict() {
            if (passed()) {
                return "PASS (%,d starts and %,d stops replayed: no core used twice, no node over memory, every "
                        .formatted(starts, stops) + "policy honoured)";
            }
            return "FAIL: %,d violations, first: %s".formatted(violations, String.join("; ", firstViolations));
        }
    }

    Result check(PlacementLog log) {
        var occupancy = new Occupancy(cluster.size());
        var running = new boolean[log.instances()];
        var perHost = new HashMap<Long, Integer>();
        var messages = new ArrayList<String>();
        long violations = 0;
        long starts = 0;
        long stops = 0;
        for (int n = 0; n < log.eventCount(); n++) {
            int event = log.event(n);
            if (event >= 0) {
                starts++;
                var problem = problemWith(log, event, occupancy, perHost);
                if (problem != null) {
                    violations++;
                    if (messages.size() < KEPT_MESSAGES) {
                        messages.add("instance " + event + " of " + apps.get(log.app(event)).groupKey() + ": "
                                + problem);
                    }
                }
                if (isHeldAsLogged(log, event)) {
                    occupancy.take(log.executor(event), log.cpuNode(event), log.cores(event), log.memoryMB(event));
                    perHost.merge(key(log, event), 1, Integer::sum);
                }
                running[event] = true;
            } else {
                stops++;
                int instance = ~event;
                if (!running[instance]) {
                    violations++;
                    if (messages.size() < KEPT_MESSAGES) {
                        messages.add("instance " + instance + " stopped but not running");
                    }
                    continue;
                }
                running[instance] = false;
                if (isHeldAsLogged(log, instance)) {
                    occupancy.give(log.executor(instance), log.cpuNode(instance), log.cores(instance),
                            log.memoryMB(instance));
                    perHost.merge(key(log, instance), -1, Integer::sum);
                }
            }
        }
        return new Result(starts, stops, violations, List.copyOf(messages), occupancy);
    }

    /** Whether the instance's cores and memory can be booked as logged: a known executor, one valid node. */
    private static boolean isHeldAsLogged(PlacementLog log, int instance) {
        int node = log.cpuNode(instance);
        return log.executor(instance) >= 0 && log.shape(instance) == PlacementLog.WELL_FORMED
                && node < BenchCluster.NODES && log.memoryNode(instance) == node
                && (log.cores(instance) & ~Occupancy.nodeMask(node)) == 0;
    }

    /** Why starting {@code instance} breaks a rule now; null when it breaks none. */
    private String problemWith(PlacementLog log, int instance, Occupancy occupancy, HashMap<Long, Integer> perHost) {
        var app = apps.get(log.app(instance));
        int executor = log.executor(instance);
        if (executor < 0) {
            return "placed on an executor the cluster does not have";
        }
        switch (log.shape(instance)) {
            case PlacementLog.CORES_NOT_ON_ONE_NODE:
                return "its cores are not on exactly one NUMA node of " + on(executor);
            case PlacementLog.CORE_ID_OUT_OF_RANGE:
                return "it holds a core id " + on(executor) + " does not have";
            case PlacementLog.MEMORY_NOT_ON_ONE_NODE:
                return "its memory is not on exactly one NUMA node of " + on(executor);
            default:
                break;
        }
        int node = log.cpuNode(instance);
        if (node >= BenchCluster.NODES) {
            return on(executor) + " has no NUMA node " + node;
        }
        if (log.memoryNode(instance) != node) {
            return "cores on node " + node + " but memory on node " + log.memoryNode(instance);
        }
        long cores = log.cores(instance);
        if ((cores & ~Occupancy.nodeMask(node)) != 0) {
            return "cores " + Occupancy.ids(cores & ~Occupancy.nodeMask(node)) + " are not on node " + node + " of "
                    + on(executor);
        }
        if (Long.bitCount(cores) != app.cpus() || log.memoryMB(instance) != app.memoryMB()) {
            return "got " + Long.bitCount(cores) + " cores and " + log.memoryMB(instance) + " MB, asked for "
                    + app.cpus() + " and " + app.memoryMB();
        }
        long shared = occupancy.usedCores(executor, node) & cores;
        if (shared != 0) {
            return "cores " + Occupancy.ids(shared) + " of " + on(executor) + " are already in use";
        }
        if (occupancy.usedMemoryMB(executor, node) + log.memoryMB(instance) > BenchCluster.MEMORY_PER_NODE_MB) {
            return "node " + node + " of " + on(executor) + " would give "
                    + (occupancy.usedMemoryMB(executor, node) + log.memoryMB(instance)) + " MB of "
                    + BenchCluster.MEMORY_PER_NODE_MB;
        }
        return policyProblem(app, executor, perHost.getOrDefault(key(log, instance), 0));
    }

    private String policyProblem(BenchApp app, int executor, int alreadyHere) {
        PlacementPolicy policy = app.policy();
        if (policy instanceof MatchTagPlacement match) {
            return cluster.carries(executor, match.tag()) ? null
                    : "MATCH_TAG " + match.tag() + " on " + on(executor) + ", which lacks the tag";
        }
        if (cluster.tagOf(executor) != null) {
            return kind(policy) + " app on " + on(executor) + ", which is reserved for tag " + cluster.tagOf(executor);
        }
        int max = policy instanceof OnePerHostPlacement ? 1
                : policy instanceof MaxNPerHostPlacement n ? n.max()
                : Integer.MAX_VALUE;
        if (!(policy instanceof AnyPlacement) && max == Integer.MAX_VALUE) {
            throw new IllegalArgumentException("The checker does not know placement policy " + policy);
        }
        return alreadyHere < max ? null
                : kind(policy) + " allows " + max + " per host, " + on(executor) + " runs " + alreadyHere + " already";
    }

    /** The executor's id, for a message; built only when something is wrong. */
    private String on(int executor) {
        return cluster.executorId(executor);
    }

    private static String kind(PlacementPolicy policy) {
        if (policy instanceof AnyPlacement) return "ANY";
        if (policy instanceof OnePerHostPlacement) return "ONE_PER_HOST";
        if (policy instanceof MaxNPerHostPlacement) return "MAX_N_PER_HOST";
        if (policy instanceof MatchTagPlacement) return "MATCH_TAG";
        throw new IllegalArgumentException("The checker does not know placement policy " + policy);
    }

    private long key(PlacementLog log, int instance) {
        return (long) log.app(instance) * cluster.size() + log.executor(instance);
    }
}
