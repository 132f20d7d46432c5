package dev.drove.controller.scheduler;

import com.codahale.metrics.MetricRegistry;
import com.codahale.metrics.Timer;
import dev.drove.models.info.resources.ResourceAllocation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Random;

/**
 * Places containers: picks an executor in random order that passes every filter, cheapest and strongest first
 * (state and blacklist, the tag rule, the policy, the room reserved for local services, then the NUMA allocator),
 * and allocates its cores and memory from one NUMA node. When nothing fits, the failure counts every executor's
 * reason. Each placement, placed or not, is timed as {@value #PLACEMENT_TIMER}. Thread-safe.
 */
public final class Scheduler {
    /** The timer of {@link #place}, in the registry the scheduler is given. */
    public static final String PLACEMENT_TIMER = "drove.scheduler.placements";
    private static final Logger log = LoggerFactory.getLogger(Scheduler.class);

    private final ClusterResources resources;
    private final Random random;
    private final Timer placements;
    private volatile Reservations reservations = Reservations.NONE;

    /**
     * @param random  shuffles the candidates; seed it in tests for a repeatable order
     * @param metrics where {@value #PLACEMENT_TIMER} is recorded
     */
    public Scheduler(ClusterResources resources, Random random, MetricRegistry metrics) {
        this.resources = resources;
        this.random = random;
        this.placements = metrics.timer(PLACEMENT_TIMER);
    }

    /** A scheduler whose placement timer goes to a registry of its own. */
    public Scheduler(ClusterResources resources, Random random) {
        this(resources, random, new MetricRegistry());
    }

    /**
     * Keeps the room {@code reservations} name free on each executor from now on (the local service engine calls
     * this once); {@link Reservations#NONE} by default.
     */
    public void reserveWith(Reservations reservations) {
        this.reservations = reservations;
    }

    /** A new session over this scheduler's book, for one operation. */
    public PlacementSession session() {
        return new PlacementSession(resources);
    }

    /**
     * Places one container and records it in {@code session}; its cores are ALLOCATED until the executor reports
     * them or the session rolls back. A failure (nothing fits, or the policy is invalid, such as a RULE_BASED rule
     * that does not compile) allocates nothing.
     *
     * @throws IllegalStateException    when the session is already committed or rolled back
     * @throws IllegalArgumentException when the session belongs to another book
     */
    @SuppressWarnings("try") // the timer is closed by try-with-resources and never read inside
    public PlacementResult place(PlacementRequest request, PlacementSession session) {
        try (var timing = placements.time()) {
            return tryPlace(request, session);
        }
    }

    private PlacementResult tryPlace(PlacementRequest request, PlacementSession session) {
        if (!session.uses(resources)) {
            throw new IllegalArgumentException("The placement session belongs to another cluster book");
        }
        if (!session.isOpen()) {
            throw new IllegalStateException("The placement session for " + request.groupKey() + " has ended");
        }
        NodeFilter filters;
        try {
            var reserved = reservations;
            filters = NodeFilter.allOf(List.of(ExecutorStateFilter.INSTANCE, TagRuleFilter.forPolicy(request.policy()),
                    PolicyFilters.forPolicy(request.policy()),
                    reserved == Reservations.NONE ? NodeFilter.ACCEPT_ALL : new ReservationFilter(reserved),
                    NumaAllocator.INSTANCE));
        } catch (InvalidRuleException e) {
            return PlacementResult.failed("Cannot place " + request.groupKey() + ": " + e.getMessage());
        }
        var order = (request.candidates().isEmpty() ? resources.executorIds() : List.copyOf(request.candidates()))
                .toArray(String[]::new);
        var rejections = new Rejections();
        for (int i = 0; i < order.length; i++) {
            swap(order, i, i + random.nextInt(order.length - i));
            var attempt = resources.attempt(order[i], request, filters);
            if (attempt.isPlaced()) {
                return record(attempt.placement(), session);
            }
            rejections.add(attempt.rejection());
        }
        var failure = rejections.summary(request);
        log.info("{}", failure);
        return PlacementResult.failed(failure);
    }

    /** Gives back the cores and memory of a placement or a stopped container; see {@link ClusterResources#release}. */
    public boolean release(String executorId, List<ResourceAllocation> allocations) {
        return resources.release(executorId, allocations);
    }

    private PlacementResult record(Placement placement, PlacementSession session) {
        try {
            session.record(placement);
        } catch (IllegalStateException e) {
            resources.release(placement.executorId(), placement.allocations());
            throw e;
        }
        log.debug("Placed a container on executor {} ({}): {}", placement.executorId(), placement.hostname(),
                placement.allocations());
        return PlacementResult.placed(placement);
    }

    private static void swap(String[] ids, int i, int j) {
        var held = ids[i];
        ids[i] = ids[j];
        ids[j] = held;
    }
}
