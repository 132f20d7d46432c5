package dev.drove.controller.maintenance;

import java.time.Duration;

/**
 * The controller options behind maintenance mode and stale data cleanup, named as the keys of the config's
 * {@code options} section (docs: cluster/setup/controller.md, "Controller Options" and "Stale data cleanup"). Absent
 * values take the original's defaults.
 *
 * @param staleCheckInterval     how often stale data is looked for (1 hour)
 * @param staleAppAge            how long an application may stay in MONITORING before it is destroyed (7 days)
 * @param maxStaleInstancesCount how many stopped or lost instances are kept per application (100)
 * @param staleInstanceAge       how long a stopped or lost instance is kept (7 days)
 * @param maintenanceGracePeriod ours: how long the controller still acts as in maintenance after it is unset (40 s;
 *                               the original waits two executor snapshot rounds of 20 s)
 */
public record MaintenanceOptions(Duration staleCheckInterval,
                                 Duration staleAppAge,
                                 Integer maxStaleInstancesCount,
                                 Duration staleInstanceAge,
                                 Duration maintenanceGracePeriod) {
    public static final MaintenanceOptions DEFAULTS = new MaintenanceOptions(null, null, null, null, null);

    public MaintenanceOptions {
        staleCheckInterval = staleCheckInterval == null ? Duration.ofHours(1) : staleCheckInterval;
        staleAppAge = staleAppAge == null ? Duration.ofDays(7) : staleAppAge;
        maxStaleInstancesCount = maxStaleInstancesCount == null ? 100 : maxStaleInstancesCount;
        staleInstanceAge = staleInstanceAge == null ? Duration.ofDays(7) : staleInstanceAge;
        maintenanceGracePeriod = maintenanceGracePeriod == null ? Duration.ofSeconds(40) : maintenanceGracePeriod;
        if (maxStaleInstancesCount < 0) {
            throw new IllegalArgumentException("maxStaleInstancesCount must be 0 or more, not "
                    + maxStaleInstancesCount);
        }
    }
}
