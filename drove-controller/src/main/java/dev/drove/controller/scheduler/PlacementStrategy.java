package dev.drove.controller.scheduler;

/**
 * The order in which the scheduler tries the executors that could take a container; the controller option
 * {@code placementStrategy} chooses one for the whole cluster. Either way every filter runs and the first executor
 * that passes them all takes the container, so policies, tags and NUMA rules hold the same.
 */
public enum PlacementStrategy {
    /** Executors in random order, so containers spread evenly over the cluster. The default (the original's). */
    RANDOM,
    /**
     * The fullest executor that fits first: fewest free cores (Fenzo's CPU bin packing); among equally full ones
     * the order is not specified. Work piles onto as few executors as it can, so after churn whole executors stay
     * empty and large containers still find room.
     */
    BIN_PACKING
}
