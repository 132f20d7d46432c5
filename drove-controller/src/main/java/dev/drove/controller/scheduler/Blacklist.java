package dev.drove.controller.scheduler;

import dev.drove.models.info.nodedata.ExecutorState;

import java.util.Optional;

/**
 * The controller's own book of the executors it has taken out of rotation (docs: cluster/maintenance.md, "Executor
 * blacklisting"; the blacklist feature keeps it). The scheduler trusts it over what an executor last published: the
 * executor learns of a (un)blacklisting by message and publishes it only a moment later, or, after a restart, not at
 * all until it is told again.
 */
@FunctionalInterface
public interface Blacklist {
    /** No book: each executor's published state decides. */
    Blacklist NONE = executorId -> Optional.empty();

    /**
     * The controller's word on whether {@code executorId} is in rotation: BLACKLIST_REQUESTED or BLACKLISTED when it
     * took it out, ACTIVE when it did not; empty when it keeps no book. Called under that executor's book lock, so it
     * must answer from memory.
     */
    Optional<ExecutorState> stateOf(String executorId);
}
