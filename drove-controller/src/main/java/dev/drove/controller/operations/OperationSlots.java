package dev.drove.controller.operations;

import dev.drove.models.operation.ApplicationOperation;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;

/**
 * One operation at a time per application: an operation claims its application's slot, runs on the term's threads
 * and frees the slot when it ends. Whoever claims first (a user's submit or the monitor) runs; the other is told the
 * application is busy. Thread-safe.
 */
final class OperationSlots {
    private final Map<String, RunningOperation> running = new ConcurrentHashMap<>();
    private final OperationRunner runner;

    OperationSlots(OperationRunner runner) {
        this.runner = runner;
    }

    Optional<RunningOperation> running(String appId) {
        return Optional.ofNullable(running.get(appId));
    }

    boolean isBusy(String appId) {
        return running.containsKey(appId);
    }

    /** The application's slot for a new operation in {@code term}; empty when another operation holds it. */
    Optional<RunningOperation> claim(LeadershipTerm term, String appId, ApplicationOperation operation,
                                     RunningOperation.Origin origin, boolean outage) {
        var run = new RunningOperation(appId, operation, origin, outage, term::isCurrent, term.steps());
        return running.putIfAbsent(appId, run) == null ? Optional.of(run) : Optional.empty();
    }

    /** Gives the slot back without running (the operation could not be stored). */
    void release(RunningOperation run) {
        running.remove(run.appId(), run);
    }

    /**
     * Runs a claimed operation on the term's threads; the slot is freed when it ends.
     *
     * @throws RejectedExecutionException when the term has ended (the slot is freed)
     */
    void launch(LeadershipTerm term, RunningOperation run) {
        try {
            term.workers().execute(() -> {
                try {
                    runner.run(run);
                } finally {
                    release(run);
                }
            });
        } catch (RejectedExecutionException e) {
            release(run);
            throw e;
        }
    }

    int size() {
        return running.size();
    }

    /** Forgets every slot (the term ended); returns how many operations were running. */
    int clear() {
        var count = running.size();
        running.clear();
        return count;
    }
}
