package dev.drove.controller.scheduler;

import dev.drove.models.info.nodedata.ExecutorState;

/** Only ACTIVE executors that are not blacklisted take new work (docs: cluster/maintenance.md). */
final class ExecutorStateFilter implements NodeFilter {
    static final ExecutorStateFilter INSTANCE = new ExecutorStateFilter();

    private ExecutorStateFilter() {
    }

    @Override
    public Verdict check(PlacementRequest request, ExecutorSnapshot executor) {
        if (executor.state() != ExecutorState.ACTIVE) {
            return Verdict.reject("is %s", executor.state());
        }
        return executor.blacklisted() ? Verdict.reject("is blacklisted") : Verdict.ACCEPT;
    }
}
