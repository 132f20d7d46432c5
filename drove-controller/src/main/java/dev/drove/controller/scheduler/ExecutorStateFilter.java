package dev.drove.controller.scheduler;

import dev.drove.models.info.nodedata.ExecutorState;

/**
 * Only ACTIVE executors that are not blacklisted take new work (docs: cluster/maintenance.md). Whether an executor is
 * in rotation is the {@link Blacklist}'s word when it has one, since the executor publishes a (un)blacklisting only
 * after the controller's message reaches it; states only the executor knows (UNREADY, REMOVED) are its own.
 */
final class ExecutorStateFilter implements NodeFilter {
    static final ExecutorStateFilter INSTANCE = new ExecutorStateFilter(Blacklist.NONE);

    private final Blacklist blacklist;

    ExecutorStateFilter(Blacklist blacklist) {
        this.blacklist = blacklist;
    }

    @Override
    public Verdict check(PlacementRequest request, ExecutorSnapshot executor) {
        var state = executor.state();
        if (state == ExecutorState.ACTIVE || state.isBlacklisted()) {
            var booked = blacklist.stateOf(executor.id());
            if (booked.isPresent()) {
                state = booked.get();
            } else if (state == ExecutorState.ACTIVE && executor.blacklisted()) {
                return Verdict.reject("is blacklisted");
            }
        }
        return state == ExecutorState.ACTIVE ? Verdict.ACCEPT : Verdict.reject("is %s", state);
    }
}
