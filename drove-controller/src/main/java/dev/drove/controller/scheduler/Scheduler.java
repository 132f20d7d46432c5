package dev.drove.controller.scheduler;

import com.codahale.metrics.MetricRegistry;
import com.codahale.metrics.Timer;
import dev.drove.models.application.placement.PlacementPolicy;
import dev.drove.models.info.resources.ResourceAllocation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Objects;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Places containers: picks the first executor, in the order of its {@link PlacementStrategy} (random by default,
 * fullest first for bin packing), that passes every filter, cheapest and strongest first (state and blacklist, the
 * tag rule, the policy, the room reserved for local services, then the NUMA allocator), and allocates its cores and
 * memory from one NUMA node. It looks first in the {@link ExecutorPool pool} the policy can reach under the tag rule;
 * when nothing fits there it tries every executor, and the failure counts every executor's reason. Each placement,
 * placed or not, is timed as {@value #PLACEMENT_TIMER}. Thread-safe.
 */
public final class Scheduler {
    /** The timer of {@link #place}, in the registry the scheduler is given. */
    public static final String PLACEMENT_TIMER = "drove.scheduler.placements";
    private static final Logger log = LoggerFactory.getLogger(Scheduler.class);
    private static final int MOST_POLICIES = 10_000;

    private final ClusterResources resources;
    private final PlacementStrategy strategy;
    private final Random random;
    private final Timer placements;
    private volatile Reservations reservations = Reservations.NONE;
    private volatile ExecutorStateFilter stateFilter = ExecutorStateFilter.INSTANCE;
    /** The tag rule and policy filter of each policy seen, so a RULE_BASED rule compiles once, not per placement. */
    private final ConcurrentHashMap<PlacementPolicy, NodeFilter> policyFilters = new ConcurrentHashMap<>();

    /**
     * @param strategy the order executors are tried in
     * @param random   shuffles the candidates (RANDOM); seed it in tests for a repeatable order
     * @param metrics  where {@value #PLACEMENT_TIMER} is recorded
     */
    public Scheduler(ClusterResources resources, PlacementStrategy strategy, Random random, MetricRegistry metrics) {
        this.resources = resources;
        this.strategy = Objects.requireNonNull(strategy, "strategy");
        this.random = random;
        if (strategy == PlacementStrategy.BIN_PACKING) {
            resources.orderByFreeCores();
        }
        this.placements = metrics.timer(PLACEMENT_TIMER);
    }

    /** A RANDOM scheduler. */
    public Scheduler(ClusterResources resources, Random random, MetricRegistry metrics) {
        this(resources, PlacementStrategy.RANDOM, random, metrics);
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

    /**
     * Lets {@code blacklist} say which executors are out of rotation from now on, ahead of what they publish (the
     * blacklist feature calls this once); {@link Blacklist#NONE} by default.
     */
    public void blacklistWith(Blacklist blacklist) {
        this.stateFilter = new ExecutorStateFilter(blacklist);
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
            filters = NodeFilter.allOf(List.of(stateFilter, policyFilter(request.policy()),
                    reserved == Reservations.NONE ? NodeFilter.ACCEPT_ALL : new ReservationFilter(reserved),
                    NumaAllocator.INSTANCE));
        } catch (InvalidRuleException e) {
            return PlacementResult.failed("Cannot place " + request.groupKey() + ": " + e.getMessage());
        }
        var pool = request.candidates().isEmpty() ? resources.poolFor(request.policy()) : null;
        if (pool != null) {
            var order = CandidateOrder.inPool(pool, strategy, request.cpus(), random);
            while (order.hasNext()) {
                var attempt = order.next().attempt(request, filters);
                if (attempt.isPlaced()) {
                    return record(attempt.placement(), session);
                }
            }
        }
        return placeOnAny(request, filters, session);
    }

    /** Tries every candidate of the request, or every known executor, and keeps every reason. */
    private PlacementResult placeOnAny(PlacementRequest request, NodeFilter filters, PlacementSession session) {
        var ids = request.candidates().isEmpty() ? resources.executorIds() : List.copyOf(request.candidates());
        var order = CandidateOrder.of(ids, strategy, resources, random);
        var rejections = new Rejections();
        while (order.hasNext()) {
            var attempt = resources.attempt(order.next(), request, filters);
            if (attempt.isPlaced()) {
                return record(attempt.placement(), session);
            }
            rejections.add(attempt.rejection());
        }
        var failure = rejections.summary(request);
        log.info("{}", failure);
        return PlacementResult.failed(failure);
    }

    /**
     * The tag rule, then the policy's own filter; built once per distinct policy (policies are values) and kept,
     * up to {@value #MOST_POLICIES} of them.
     *
     * @throws InvalidRuleException when a RULE_BASED rule does not compile (nothing is kept then)
     */
    private NodeFilter policyFilter(PlacementPolicy policy) {
        var known = policyFilters.get(policy);
        if (known != null) {
            return known;
        }
        if (policyFilters.size() >= MOST_POLICIES) {
            policyFilters.clear();
        }
        return policyFilters.computeIfAbsent(policy, ignored -> NodeFilter.allOf(
                List.of(TagRuleFilter.forPolicy(policy), PolicyFilters.forPolicy(policy))));
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
        if (log.isDebugEnabled()) {
            log.debug("Placed a container on executor {} ({}): {}", placement.executorId(), placement.hostname(),
                    placement.allocations());
        }
        return PlacementResult.placed(placement);
    }
}
