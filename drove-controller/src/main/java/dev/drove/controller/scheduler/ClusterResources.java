package dev.drove.controller.scheduler;

import dev.drove.models.application.placement.PlacementPolicy;
import dev.drove.models.info.nodedata.ExecutorNodeData;
import dev.drove.models.info.resources.ResourceAllocation;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The controller's live book of every executor's cores and memory (contract §3 "Allocation"). A core is FREE,
 * ALLOCATED (placed here, not yet reported by its executor) or IN_USE (reported). Thread-safe: each executor has its
 * own lock, so placements on different executors never wait for each other, and nothing copies the whole cluster.
 */
public final class ClusterResources {
    /** The rejection of a candidate that is not (or no longer) in the book. */
    static final Verdict UNKNOWN = Verdict.reject("is not known to the controller");

    private final ConcurrentHashMap<String, ExecutorBook> books = new ConcurrentHashMap<>();
    private final ExecutorPools pools = new ExecutorPools();
    private final AtomicLong registrations = new AtomicLong();
    private final Object idsLock = new Object();
    private volatile List<String> executorIds = List.of();
    private volatile boolean idsStale;

    /**
     * Refreshes one executor from its report (adding it if new): cores, memory, tags, state and group counts as it
     * reports them, keeping the soft allocations the report does not show yet.
     *
     * @throws IllegalArgumentException when the report has no resource state and so no executor id
     */
    public void update(ExecutorNodeData data) {
        var executorId = ExecutorSnapshot.requireResources(data).executorId();
        var book = books.get(executorId);
        if (book == null) {
            var added = new ExecutorBook(executorId, registrations.incrementAndGet(), pools);
            book = books.putIfAbsent(executorId, added);
            if (book == null) {
                added.update(data);
                idsStale = true;
                return;
            }
        }
        book.update(data);
    }

    /** Forgets an executor and everything allocated on it; returns whether it was known. */
    public boolean remove(String executorId) {
        var removed = books.remove(executorId);
        if (removed != null) {
            removed.retire();
            idsStale = true;
        }
        return removed != null;
    }

    /** Every known executor id, sorted. */
    public List<String> executorIds() {
        if (idsStale) {
            synchronized (idsLock) {
                if (idsStale) {
                    idsStale = false;
                    executorIds = books.keySet().stream().sorted().toList();
                }
            }
        }
        return executorIds;
    }

    public Optional<ExecutorSnapshot> snapshot(String executorId) {
        return Optional.ofNullable(books.get(executorId)).map(ExecutorBook::snapshot);
    }

    /** The state of one core of an executor; empty when the executor or the core is unknown. */
    public Optional<CoreState> coreState(String executorId, int coreId) {
        return Optional.ofNullable(books.get(executorId)).flatMap(book -> book.coreState(coreId));
    }

    /**
     * Gives back the cores and memory of one placement (the {@link Placement#allocations()} of it, or the
     * {@code resources} of an instance). Releasing an unknown executor or already free cores does nothing.
     *
     * @return whether anything was freed
     */
    public boolean release(String executorId, List<ResourceAllocation> allocations) {
        var book = books.get(executorId);
        return book != null && book.release(allocations);
    }

    /** Checks one executor with {@code filter} and allocates on it when it passes, atomically for that executor. */
    Attempt attempt(String executorId, PlacementRequest request, NodeFilter filter) {
        var book = books.get(executorId);
        return book == null ? Attempt.rejected(UNKNOWN) : book.attempt(request, filter);
    }

    /** Keeps every pool's members by free core count from now on, for a bin-packing scheduler. */
    void orderByFreeCores() {
        pools.orderByFreeCores(books.values());
    }

    /** Where {@code policy} should look first; null when it must look at every executor. */
    ExecutorPool poolFor(PlacementPolicy policy) {
        return pools.forPolicy(policy);
    }

    /** The fullness of a known executor; empty when it is unknown. */
    Optional<Fullness> fullness(String executorId) {
        return Optional.ofNullable(books.get(executorId)).map(ExecutorBook::fullness);
    }
}
