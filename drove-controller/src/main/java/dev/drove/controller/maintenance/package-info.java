/**
 * Maintenance: cluster maintenance mode and stale data cleanup (docs: cluster/maintenance.md; cluster/setup/
 * controller.md "Stale data cleanup").
 *
 * <p>Vocabulary: the <b>mode</b> (NORMAL, MAINTENANCE) is stored at {@code /cluster/maintenance}; maintenance is
 * <b>active</b> while the mode is MAINTENANCE and for the <b>grace</b> ({@code maintenanceGracePeriod}, 40 s) after
 * it is unset, so that executors restarted meanwhile report their instances before anything acts on them. While it
 * is active the controller changes nothing on the executors: the monitors and the cleaners skip their passes, and
 * the API refuses operations, spec validations and rule dry-runs. <b>Stale</b> data is what the cluster no longer
 * needs to remember: old finished instances, applications left in MONITORING, expired events.
 *
 * <pre>
 * POST /apis/v1/cluster/maintenance/set ──▶ MaintenanceMode.set ──▶ MAINTENANCE stored ─▶ MAINTENANCE_MODE_SET
 * POST /apis/v1/cluster/maintenance/unset ▶ MaintenanceMode.unset ▶ NORMAL stored ─────▶ MAINTENANCE_MODE_REMOVED
 * app monitor, local service monitor, cleaners ─▶ MaintenanceMode.isActive? ─yes─▶ skip this pass
 *                                                  (MAINTENANCE, or NORMAL for less than the grace)
 * every staleCheckInterval (leader) ─▶ StaleDataCleaner
 *     finished instances older than staleInstanceAge, or beyond maxStaleInstancesCount per app ─▶ deleted
 *     apps in MONITORING unchanged for staleAppAge ─▶ DESTROY operation
 *     events older than maxEventsStorageDuration ─▶ dropped          (finished tasks: StaleTaskCleaner)
 * </pre>
 */
package dev.drove.controller.maintenance;
