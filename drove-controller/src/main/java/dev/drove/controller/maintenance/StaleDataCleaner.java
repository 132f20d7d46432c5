package dev.drove.controller.maintenance;

import dev.drove.common.errors.ApiException;
import dev.drove.controller.events.EventBus;
import dev.drove.controller.leadership.LeadershipListener;
import dev.drove.controller.statestore.AppRuntimeInfo;
import dev.drove.controller.statestore.ApplicationStore;
import dev.drove.controller.statestore.InstanceStore;
import dev.drove.models.application.ApplicationInfo;
import dev.drove.models.application.ApplicationState;
import dev.drove.models.operation.ApplicationDestroyOperation;
import dev.drove.models.operation.ApplicationOperation;
import dev.drove.models.operation.ClusterOpSpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Stale data cleanup (docs: cluster/setup/controller.md, "Stale data cleanup"): every {@code staleCheckInterval},
 * while this controller leads and the cluster is not in maintenance, it forgets stale finished instances
 * ({@link StaleDataRules#staleInstances}), destroys applications left in MONITORING for {@code staleAppAge} (a DESTROY
 * operation, as a user would submit it) and drops events older than {@code maxEventsStorageDuration}. Finished tasks
 * are the task engine's StaleTaskCleaner's, on the same interval.
 */
public final class StaleDataCleaner implements LeadershipListener, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(StaleDataCleaner.class);

    /** What one pass did; {@code skipped} when maintenance held it back. */
    record Pass(boolean skipped, int instancesDeleted, List<String> appsDestroyed, int eventsDropped) {
        static final Pass SKIPPED = new Pass(true, 0, List.of(), 0);
    }

    private final ApplicationStore applications;
    private final InstanceStore instances;
    private final Consumer<ApplicationOperation> operations;
    private final EventBus events;
    private final BooleanSupplier maintenance;
    private final MaintenanceOptions options;
    private final ClusterOpSpec opSpec;
    private final Clock clock;
    private ScheduledExecutorService worker; // guarded by this

    /**
     * @param operations  submits the DESTROY of a stale application (the application engine)
     * @param maintenance whether the cluster is in maintenance, or within its grace ({@link MaintenanceMode#isActive})
     * @param opSpec      the op spec of the DESTROY operations (the controller's own)
     */
    public StaleDataCleaner(ApplicationStore applications, InstanceStore instances,
                            Consumer<ApplicationOperation> operations, EventBus events, BooleanSupplier maintenance,
                            MaintenanceOptions options, ClusterOpSpec opSpec, Clock clock) {
        this.applications = applications;
        this.instances = instances;
        this.operations = operations;
        this.events = events;
        this.maintenance = maintenance;
        this.options = options;
        this.opSpec = opSpec;
        this.clock = clock;
    }

    @Override
    public synchronized void leadershipAcquired() {
        stop();
        worker = Executors.newSingleThreadScheduledExecutor(runnable -> {
            var thread = new Thread(runnable, "stale-data-cleaner");
            thread.setDaemon(true);
            return thread;
        });
        var interval = options.staleCheckInterval().toMillis();
        worker.scheduleWithFixedDelay(this::cleanQuietly, interval, interval, TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void leadershipLost() {
        stop();
    }

    @Override
    public void close() {
        leadershipLost();
    }

    /** One pass over every application; nothing when the cluster is in maintenance. */
    Pass clean() {
        if (maintenance.getAsBoolean()) {
            log.info("Stale data cleanup skipped: the cluster is in maintenance mode");
            return Pass.SKIPPED;
        }
        var now = clock.millis();
        int deleted = 0;
        var destroyed = new ArrayList<String>();
        for (var application : applications.all()) {
            var appId = application.appId();
            for (var instance : StaleDataRules.staleInstances(instances.all(appId), now, options)) {
                instances.delete(appId, instance.instanceId());
                deleted++;
            }
            if (StaleDataRules.isStale(runtime(application), now, options.staleAppAge()) && destroy(appId)) {
                destroyed.add(appId);
            }
        }
        var dropped = events.dropExpired();
        if (deleted > 0 || !destroyed.isEmpty() || dropped > 0) {
            log.info("Stale data cleanup: {} finished instances forgotten, apps {} destroyed after {} h in "
                    + "MONITORING, {} expired events dropped", deleted, destroyed, options.staleAppAge().toHours(),
                    dropped);
        }
        return new Pass(false, deleted, List.copyOf(destroyed), dropped);
    }

    private boolean destroy(String appId) {
        try {
            operations.accept(new ApplicationDestroyOperation(appId, opSpec));
            return true;
        } catch (ApiException e) {
            log.info("Stale app {} is not destroyed now: {}", appId, e.getMessage());
            return false;
        }
    }

    /** The stored runtime; for an application stored without one, MONITORING when it should run no instances. */
    private AppRuntimeInfo runtime(ApplicationInfo application) {
        return applications.findRuntime(application.appId()).orElseGet(() -> new AppRuntimeInfo(
                application.appId(),
                application.instances() > 0 ? ApplicationState.RUNNING : ApplicationState.MONITORING,
                application.instances(), null, application.updated()));
    }

    private void cleanQuietly() {
        try {
            clean();
        } catch (RuntimeException e) {
            log.warn("Could not clean up stale data: {}", e.getMessage(), e);
        }
    }

    private void stop() {
        if (worker != null) {
            worker.shutdownNow();
            worker = null;
        }
    }
}
