package dev.drove.controller.cluster;

import dev.drove.models.info.nodedata.ExecutorNodeData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which executors have proved they hold the executor cluster secret, and which only published themselves in
 * ZooKeeper so far. Anyone who can write to ZooKeeper can publish an entry; only a node whose call passed the
 * controller's cluster auth filter with the executor secret can post to {@code /apis/v1/messages}. So an executor is
 * <b>admitted</b> by its first authenticated message (a snapshot or a state report naming its id) and stays admitted
 * for the life of this controller, across leadership terms, until it is given up after the grace period. An entry of
 * an executor not admitted <b>waits</b>: it is kept out of the book, the API and the events, and after
 * {@code window} one WARN names it. Thread-safe.
 */
final class ExecutorAdmissions {
    private static final Logger log = LoggerFactory.getLogger(ExecutorAdmissions.class);

    /** An entry seen in ZooKeeper from an executor not admitted yet. */
    private record Waiting(ExecutorNodeData data, Instant since, boolean warned) {
    }

    private final Duration window;
    private final Set<String> admitted = new HashSet<>();        // guarded by this
    private final Map<String, Waiting> waiting = new HashMap<>(); // guarded by this

    ExecutorAdmissions(Duration window) {
        this.window = window;
    }

    Duration window() {
        return window;
    }

    synchronized boolean isAdmitted(String executorId) {
        return admitted.contains(executorId);
    }

    /**
     * Admits {@code executorId}: an authenticated message came from it.
     *
     * @return the entry it published while waiting, if any, for the caller to take now
     */
    synchronized Optional<ExecutorNodeData> admit(String executorId) {
        if (!admitted.add(executorId)) {
            return Optional.empty();
        }
        var entry = waiting.remove(executorId);
        log.info("Executor {} authenticated with the executor cluster secret; it is admitted to the cluster",
                executorId);
        return entry == null ? Optional.empty() : Optional.of(entry.data());
    }

    /**
     * An entry read from ZooKeeper: true when its executor is admitted (take it), else the entry is kept waiting,
     * the first sighting starting its window.
     */
    synchronized boolean holdUnlessAdmitted(String executorId, ExecutorNodeData data, Instant now) {
        if (admitted.contains(executorId)) {
            return true;
        }
        var old = waiting.get(executorId);
        waiting.put(executorId, old == null ? new Waiting(data, now, false) : new Waiting(data, old.since(),
                old.warned()));
        return false;
    }

    /** Forgets the waiting entries that are no longer in ZooKeeper. */
    synchronized void keepWaitingOnly(Set<String> present) {
        waiting.keySet().retainAll(present);
    }

    /** Once per waiting executor, when its window has passed: a WARN that tells the operator what to check. */
    synchronized void warnOverdue(Instant now) {
        for (var entry : waiting.entrySet()) {
            var waiter = entry.getValue();
            if (!waiter.warned() && isPast(waiter.since(), now)) {
                log.warn("Executor {} ({}:{}) published itself but has not authenticated; check clusterAuth.secrets "
                                + "(no message with the executor cluster secret came in {} s; it is kept out of the "
                                + "cluster)", entry.getKey(), waiter.data().hostname(), waiter.data().port(),
                        window.toSeconds());
                entry.setValue(new Waiting(waiter.data(), waiter.since(), true));
            }
        }
    }

    /**
     * Whether a new term may act on its view of the executors: nothing is waiting, or {@code window} has passed since
     * the term started (executors send a snapshot as soon as they see a new leader).
     */
    synchronized boolean isSettled(Instant termStart, Instant now) {
        return waiting.isEmpty() || isPast(termStart, now);
    }

    /** The ids waiting for admission now. */
    synchronized Set<String> waitingIds() {
        return Set.copyOf(waiting.keySet());
    }

    /** An executor given up after the grace period must prove itself again when it comes back. */
    synchronized void revoke(String executorId) {
        admitted.remove(executorId);
    }

    /** A new or ended term: waiting entries are read again; admissions stay. */
    synchronized void clearWaiting() {
        waiting.clear();
    }

    private boolean isPast(Instant since, Instant now) {
        return Duration.between(since, now).compareTo(window) >= 0;
    }
}
