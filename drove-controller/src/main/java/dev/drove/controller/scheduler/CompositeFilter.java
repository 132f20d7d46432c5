package dev.drove.controller.scheduler;

import dev.drove.models.application.placement.CompositePlacement.Combiner;

import java.util.ArrayList;
import java.util.List;

/**
 * COMPOSITE: the child policies' filters joined by AND (first rejection wins) or OR (any acceptance wins; otherwise
 * every child's reason is given).
 */
final class CompositeFilter implements NodeFilter {
    private final List<NodeFilter> children;
    private final NodeFilter all;
    private final Combiner combiner;

    CompositeFilter(List<NodeFilter> children, Combiner combiner) {
        this.children = List.copyOf(children);
        this.all = NodeFilter.allOf(children);
        this.combiner = combiner;
    }

    @Override
    public Verdict check(PlacementRequest request, ExecutorSnapshot executor) {
        if (combiner == Combiner.AND) {
            return all.check(request, executor);
        }
        var reasons = new ArrayList<String>();
        for (var child : children) {
            var verdict = child.check(request, executor);
            if (verdict.accepted()) {
                return verdict;
            }
            reasons.add(verdict.reason());
        }
        return Verdict.reject("matches no alternative (%s)", String.join("; ", reasons));
    }
}
