package dev.drove.executor.cluster;

import dev.drove.models.info.nodedata.ExecutorState;

import java.util.concurrent.atomic.AtomicReference;

/**
 * This executor's own state as the cluster sees it in its node data: ACTIVE, or BLACKLISTED after the controller said
 * so. Blacklisting changes only what new work the controller sends; containers here keep running.
 */
public final class ExecutorStatus {
    private final AtomicReference<ExecutorState> state = new AtomicReference<>(ExecutorState.ACTIVE);

    public ExecutorState state() {
        return state.get();
    }

    /** Returns whether the state changed. */
    public boolean set(ExecutorState next) {
        return state.getAndSet(next) != next;
    }
}
