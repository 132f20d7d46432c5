package dev.drove.controller;

import dev.drove.controller.scheduler.PlacementStrategy;
import io.dropwizard.util.Duration;
import io.dropwizard.validation.MinDuration;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The {@code options:} section of the controller config (docs: cluster/setup/controller.md "Controller Options"),
 * with the original's defaults, plus knobs of ours that the original hard-codes or lacks (marked below).
 *
 * @param allowedMountDirs       host directories specs may mount from (only at or below them); empty: any, with a
 *                               WARN at start
 * @param enableRawDeviceAccess  ours: whether specs may ask for host devices ({@code devices}, DIRECT or DETAILED);
 *                               off by default, so a spec with devices is refused
 * @param appMonitorInterval     ours: how often every running app's instance count is checked (original: 30 s)
 * @param executorGracePeriod    ours: how long an executor may be gone before its instances count as LOST (45 s)
 * @param maintenanceGracePeriod ours: how long after maintenance mode is unset the controller still leaves the
 *                               executors alone, so restarted ones can report first (40 s; the original waits two
 *                               20 s snapshot rounds; docs cluster/maintenance.md)
 * @param placementStrategy      ours: the order the scheduler tries executors in: RANDOM (the original's, spreads
 *                               containers) or BIN_PACKING (fullest executor that fits first, keeps whole executors
 *                               free); RANDOM by default
 */
public record ControllerOptions(
        @MinDuration(value = 1, unit = TimeUnit.SECONDS) Duration staleCheckInterval,
        Duration staleAppAge,
        @Min(0) Integer maxStaleInstancesCount,
        Duration staleInstanceAge,
        Duration staleTaskAge,
        Duration maxEventsStorageDuration,
        @MinDuration(value = 1, unit = TimeUnit.SECONDS) Duration clusterOpTimeout,
        @Min(1) @Max(32) Integer clusterOpParallelism,
        List<String> auditedHttpMethods,
        List<String> allowedMountDirs,
        boolean enableRawDeviceAccess,
        boolean disableReadAuth,
        boolean disableCmdlArgs,
        @MinDuration(value = 100, unit = TimeUnit.MILLISECONDS) Duration appMonitorInterval,
        Duration executorGracePeriod,
        Duration maintenanceGracePeriod,
        PlacementStrategy placementStrategy) {

    public static final ControllerOptions DEFAULTS = new ControllerOptions(null, null, null, null, null, null, null,
            null, null, null, false, false, false, null, null, null, null);

    public ControllerOptions {
        staleCheckInterval = staleCheckInterval == null ? Duration.hours(1) : staleCheckInterval;
        staleAppAge = staleAppAge == null ? Duration.days(7) : staleAppAge;
        maxStaleInstancesCount = maxStaleInstancesCount == null ? 100 : maxStaleInstancesCount;
        staleInstanceAge = staleInstanceAge == null ? Duration.days(7) : staleInstanceAge;
        staleTaskAge = staleTaskAge == null ? Duration.days(2) : staleTaskAge;
        maxEventsStorageDuration = maxEventsStorageDuration == null ? Duration.hours(1) : maxEventsStorageDuration;
        clusterOpTimeout = clusterOpTimeout == null ? Duration.minutes(5) : clusterOpTimeout;
        clusterOpParallelism = clusterOpParallelism == null ? 1 : clusterOpParallelism;
        auditedHttpMethods = auditedHttpMethods == null ? List.of("POST", "PUT") : List.copyOf(auditedHttpMethods);
        allowedMountDirs = allowedMountDirs == null ? List.of() : List.copyOf(allowedMountDirs);
        appMonitorInterval = appMonitorInterval == null ? Duration.seconds(30) : appMonitorInterval;
        executorGracePeriod = executorGracePeriod == null ? Duration.seconds(45) : executorGracePeriod;
        maintenanceGracePeriod = maintenanceGracePeriod == null ? Duration.seconds(40) : maintenanceGracePeriod;
        placementStrategy = placementStrategy == null ? PlacementStrategy.RANDOM : placementStrategy;
    }
}
