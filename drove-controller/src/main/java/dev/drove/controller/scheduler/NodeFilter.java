package dev.drove.controller.scheduler;

import java.util.List;

/** One step of placement: keeps or rejects a candidate executor, and says why. */
interface NodeFilter {
    NodeFilter ACCEPT_ALL = (request, executor) -> Verdict.ACCEPT;

    Verdict check(PlacementRequest request, ExecutorSnapshot executor);

    /** Runs {@code filters} in order and returns the first rejection, or ACCEPT when every one accepts. */
    static NodeFilter allOf(List<NodeFilter> filters) {
        var copy = List.copyOf(filters);
        return (request, executor) -> {
            for (var filter : copy) {
                var verdict = filter.check(request, executor);
                if (!verdict.accepted()) {
                    return verdict;
                }
            }
            return Verdict.ACCEPT;
        };
    }
}
