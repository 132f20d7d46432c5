package dev.drove.controller.scheduler;

import dev.drove.models.application.placement.AnyPlacement;
import dev.drove.models.application.placement.CompositePlacement;
import dev.drove.models.application.placement.LocalPlacement;
import dev.drove.models.application.placement.MatchTagPlacement;
import dev.drove.models.application.placement.MaxNPerHostPlacement;
import dev.drove.models.application.placement.NoTagPlacement;
import dev.drove.models.application.placement.OnePerHostPlacement;
import dev.drove.models.application.placement.PlacementPolicy;
import dev.drove.models.application.placement.RuleBasedPlacement;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The executors grouped by who may use them under the tag rule, so a placement need not look at executors that
 * could only reject it: the <b>untagged</b> pool (hostname as the only tag) for every policy that asks for no tag,
 * and one pool per custom tag for MATCH_TAG. An executor with several tags is in each of their pools. A pool is
 * where the scheduler looks first; a placement that finds no room there (or whose policy has no pool: COMPOSITE,
 * LOCAL, MATCH_TAG of a hostname) tries every executor and so gets the full failure summary.
 */
final class ExecutorPools {
    private final ExecutorPool untagged = new ExecutorPool("untagged");
    private final ConcurrentHashMap<String, ExecutorPool> byTag = new ConcurrentHashMap<>();
    private volatile boolean orderedByFreeCores;

    /**
     * From now on every pool also keeps its members by free core count, for bin packing; {@code books} (every
     * executor known so far) are filed at once, later ones when they join. RANDOM scheduling never pays for it.
     */
    void orderByFreeCores(Collection<ExecutorBook> books) {
        orderedByFreeCores = true;
        books.forEach(ExecutorBook::fileByFreeCores);
    }

    boolean isOrderedByFreeCores() {
        return orderedByFreeCores;
    }

    /** The pools of an executor with these custom tags (its hostname left out). */
    List<ExecutorPool> poolsFor(Set<String> customTags) {
        if (customTags.isEmpty()) {
            return List.of(untagged);
        }
        var pools = new ArrayList<ExecutorPool>(customTags.size());
        customTags.forEach(tag -> pools.add(byTag.computeIfAbsent(tag, ExecutorPool::new)));
        return List.copyOf(pools);
    }

    /**
     * Where to look first for {@code policy}: the pool of its MATCH_TAG tag, the untagged pool when it asks for no
     * tag; null when it must look at every executor (COMPOSITE, LOCAL, a MATCH_TAG tag no executor carries as a
     * custom tag, such as a hostname).
     */
    ExecutorPool forPolicy(PlacementPolicy policy) {
        if (policy instanceof MatchTagPlacement match) return byTag.get(match.tag());
        if (policy instanceof AnyPlacement || policy instanceof OnePerHostPlacement
                || policy instanceof MaxNPerHostPlacement || policy instanceof NoTagPlacement
                || policy instanceof RuleBasedPlacement) return untagged;
        if (policy instanceof CompositePlacement || policy instanceof LocalPlacement) return null;
        throw new IllegalArgumentException("No executor pool for placement policy " + policy);
    }
}
