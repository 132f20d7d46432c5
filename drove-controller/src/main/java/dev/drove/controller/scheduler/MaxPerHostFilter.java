package dev.drove.controller.scheduler;

/**
 * ONE_PER_HOST ({@code max} 1) and MAX_N_PER_HOST: at most {@code max} containers of the request's group per
 * executor. The count includes containers still ALLOCATED, so placements of the same operation are seen.
 */
final class MaxPerHostFilter implements NodeFilter {
    private final int max;

    MaxPerHostFilter(int max) {
        this.max = max;
    }

    @Override
    public Verdict check(PlacementRequest request, ExecutorSnapshot executor) {
        int here = executor.instancesOf(request.groupKey());
        if (here < max) {
            return Verdict.ACCEPT;
        }
        return max == 1
                ? Verdict.reject("runs an instance of %s already", request.groupKey())
                : Verdict.reject("has reached the limit of %d instances of %s per host", max, request.groupKey());
    }
}
