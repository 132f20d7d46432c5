package dev.drove.controller.maintenance;

import dev.drove.controller.statestore.AppRuntimeInfo;
import dev.drove.controller.statestore.InstanceStore;
import dev.drove.models.application.ApplicationState;
import dev.drove.models.instance.InstanceInfo;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

/**
 * What counts as stale (docs: cluster/setup/controller.md, "Stale data cleanup"), as functions of what is stored and
 * the time, so the rules read and test as tables.
 */
final class StaleDataRules {
    private StaleDataRules() {
    }

    /**
     * The finished instances (STOPPED, LOST) of one application to forget: every one not updated for
     * {@code staleInstanceAge}, and of the others every one beyond the {@code maxStaleInstancesCount} most recently
     * updated. Instances that are not finished are never stale.
     */
    static List<InstanceInfo> staleInstances(List<InstanceInfo> instances, long now, MaintenanceOptions options) {
        var cutoff = now - options.staleInstanceAge().toMillis();
        var finished = instances.stream()
                .filter(instance -> instance.state() != null && instance.state().isTerminal())
                .sorted(InstanceStore.LATEST_UPDATE_FIRST)
                .toList();
        var stale = new ArrayList<InstanceInfo>();
        int kept = 0;
        for (var instance : finished) {
            if (millis(instance.updated()) < cutoff || kept >= options.maxStaleInstancesCount()) {
                stale.add(instance);
            } else {
                kept++;
            }
        }
        return stale;
    }

    /**
     * Whether an application is to be destroyed: it rests in MONITORING (no instances, no operation in flight) and
     * has not changed for {@code staleAppAge}.
     */
    static boolean isStale(AppRuntimeInfo runtime, long now, Duration staleAppAge) {
        return runtime.state() == ApplicationState.MONITORING
                && !runtime.hasOperation()
                && millis(runtime.updated()) < now - staleAppAge.toMillis();
    }

    private static long millis(Date date) {
        return date == null ? 0L : date.getTime();
    }
}
