package dev.drove.controller.scheduler;

import java.util.ArrayList;
import java.util.List;

/**
 * What one operation has placed so far. The cores stay ALLOCATED in the book from the moment they are placed, so
 * policies counting a group (ONE_PER_HOST, MAX_N_PER_HOST) already see them. {@link #commit()} keeps them for the
 * executors to confirm; {@link #rollback()} frees them; closing a session that was not committed rolls it back.
 * A session ends with either, and takes no placements after that. Thread-safe.
 */
public final class PlacementSession implements AutoCloseable {
    private enum Phase { OPEN, COMMITTED, ROLLED_BACK }

    private final ClusterResources resources;
    private final List<Placement> placements = new ArrayList<>();
    private Phase phase = Phase.OPEN;

    public PlacementSession(ClusterResources resources) {
        this.resources = resources;
    }

    /** Every placement made in this session, in order. */
    public synchronized List<Placement> placements() {
        return List.copyOf(placements);
    }

    /** How many containers this session placed on {@code executorId}. */
    public synchronized long instancesOn(String executorId) {
        return placements.stream().filter(p -> p.executorId().equals(executorId)).count();
    }

    /** Keeps every placement; the executors' reports turn them IN_USE. */
    public synchronized void commit() {
        requireOpen();
        phase = Phase.COMMITTED;
    }

    /** Frees every placement of this session. */
    public synchronized void rollback() {
        requireOpen();
        placements.forEach(p -> resources.release(p.executorId(), p.allocations()));
        placements.clear();
        phase = Phase.ROLLED_BACK;
    }

    /** Rolls back unless the session was committed or rolled back already. */
    @Override
    public synchronized void close() {
        if (phase == Phase.OPEN) {
            rollback();
        }
    }

    synchronized boolean isOpen() {
        return phase == Phase.OPEN;
    }

    boolean uses(ClusterResources book) {
        return resources == book;
    }

    synchronized void record(Placement placement) {
        requireOpen();
        placements.add(placement);
    }

    private void requireOpen() {
        if (phase != Phase.OPEN) {
            throw new IllegalStateException("This placement session is already " + (phase == Phase.COMMITTED
                    ? "committed" : "rolled back"));
        }
    }
}
