package dev.drove.controller.operations;

import dev.drove.controller.statemachine.app.ApplicationStateMachine;
import dev.drove.controller.statestore.AppRuntimeInfo;
import dev.drove.controller.statestore.ApplicationStore;
import dev.drove.models.application.ApplicationInfo;
import dev.drove.models.application.ApplicationState;
import dev.drove.models.operation.ApplicationCreateOperation;
import dev.drove.models.operation.ApplicationOperation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Where an application's life stands, written so that a new leader can carry on: every state change, expected
 * instance count and operation in flight is stored ({@link AppRuntimeInfo}) before anything acts on it, and the
 * expected count is mirrored in the {@link ApplicationInfo}'s {@code instances}. Moves follow
 * {@link ApplicationStateMachine#TABLE}; an illegal one is a bug and throws. Operation writes first check that this
 * controller still leads.
 */
final class AppRecords {
    private static final Logger log = LoggerFactory.getLogger(AppRecords.class);

    private final ApplicationStore applications;
    private final List<AppStateListener> listeners = new CopyOnWriteArrayList<>();

    AppRecords(ApplicationStore applications) {
        this.applications = applications;
    }

    void addListener(AppStateListener listener) {
        listeners.add(listener);
    }

    Optional<ApplicationInfo> application(String appId) {
        return applications.find(appId);
    }

    /** The application's info; the operation fails when it is gone. */
    ApplicationInfo requireApplication(String appId) {
        return applications.find(appId).orElseThrow(() -> new OperationFailedException("App " + appId
                + " no longer exists"));
    }

    /**
     * The stored runtime of an application; for one stored without (an older controller's), one derived from its
     * info: RUNNING when it should run instances, else MONITORING.
     */
    AppRuntimeInfo runtime(ApplicationInfo application) {
        return applications.findRuntime(application.appId()).orElseGet(() -> new AppRuntimeInfo(application.appId(),
                application.instances() > 0 ? ApplicationState.RUNNING : ApplicationState.MONITORING,
                application.instances(), null, application.updated()));
    }

    Optional<AppRuntimeInfo> storedRuntime(String appId) {
        return applications.findRuntime(appId);
    }

    /** Stores a new application in INIT, with no instances expected yet and {@code create} in flight. */
    void create(ApplicationCreateOperation create) {
        var now = new Date();
        var application = new ApplicationInfo(create.appId(), create.spec(), 0, now, now);
        applications.save(application);
        applications.saveRuntime(new AppRuntimeInfo(create.appId(), ApplicationState.INIT, 0, create, now));
        log.info("App {} created in state INIT", create.appId());
        tell(application, null, ApplicationState.INIT);
    }

    /** Stores {@code operation} as the application's operation in flight. */
    void begin(ApplicationInfo application, ApplicationOperation operation) {
        applications.saveRuntime(runtime(application).withOperation(operation, new Date()));
    }

    /** Moves the application to {@code next} (nothing when it is there already). */
    void moveTo(RunningOperation run, ApplicationState next) {
        var application = requireApplication(run.appId());
        moveTo(run, application, runtime(application), next, runtime(application).expectedInstances());
    }

    /** Moves the application to {@code next} and sets its expected instance count, in one write. */
    void moveTo(RunningOperation run, ApplicationState next, long expectedInstances) {
        var application = requireApplication(run.appId());
        moveTo(run, application, runtime(application), next, expectedInstances);
    }

    /** Sets the expected instance count, leaving the state alone. */
    void expect(RunningOperation run, long expectedInstances) {
        var application = requireApplication(run.appId());
        var runtime = runtime(application);
        moveTo(run, application, runtime, runtime.state(), expectedInstances);
    }

    /**
     * Ends the operation: the application goes to its resting state (RUNNING when it should run instances, else
     * MONITORING; OUTAGE_DETECTED passes through SCALING_REQUESTED) with no operation in flight, in one write.
     */
    void finish(RunningOperation run) {
        var application = applications.find(run.appId());
        if (application.isEmpty()) {
            return;
        }
        var runtime = runtime(application.get());
        var resting = ApplicationStateMachine.restingState(runtime.state(), runtime.expectedInstances());
        if (resting != runtime.state() && !ApplicationStateMachine.TABLE.allows(runtime.state(), resting)) {
            moveTo(run, ApplicationState.SCALING_REQUESTED);
            application = applications.find(run.appId());
            runtime = runtime(application.orElseThrow());
        }
        write(run, application.get(), runtime, resting, runtime.expectedInstances(), null);
    }

    /** Removes everything stored for the application, which is DESTROYED. */
    void delete(RunningOperation run, ApplicationInfo application) {
        run.requireLeadership();
        applications.delete(application.appId());
        log.info("App {} is DESTROYED: its data and instances are removed", application.appId());
        tell(application, ApplicationState.DESTROY_REQUESTED, ApplicationState.DESTROYED);
    }

    private void moveTo(RunningOperation run, ApplicationInfo application, AppRuntimeInfo runtime,
                        ApplicationState next, long expectedInstances) {
        if (runtime.state() == next && runtime.expectedInstances() == expectedInstances
                && runtime.currentOperation() != null) {
            return;
        }
        write(run, application, runtime, next, expectedInstances,
                runtime.currentOperation() == null ? run.operation() : runtime.currentOperation());
    }

    /** One write of state, expected count and operation in flight (null: none), after the table's check. */
    private void write(RunningOperation run, ApplicationInfo application, AppRuntimeInfo runtime,
                       ApplicationState next, long expectedInstances, ApplicationOperation operation) {
        var previous = runtime.state();
        if (previous != next) {
            ApplicationStateMachine.TABLE.check(previous, next);
        }
        run.requireLeadership();
        var now = new Date();
        var updated = application;
        if (application.instances() != expectedInstances) {
            updated = application.withInstances(expectedInstances, now);
            applications.save(updated);
        }
        applications.saveRuntime(new AppRuntimeInfo(application.appId(), next, expectedInstances, operation, now));
        if (previous != next) {
            log.info("App {} moved from {} to {} ({}, {} instances expected)", application.appId(), previous, next,
                    run.operation().operationType(), expectedInstances);
            tell(updated, previous, next);
        }
    }

    private void tell(ApplicationInfo application, ApplicationState previous, ApplicationState current) {
        for (var listener : listeners) {
            try {
                listener.stateChanged(application, previous, current);
            } catch (RuntimeException e) {
                log.warn("App state listener failed on {} {} -> {}: {}", application.appId(), previous, current,
                        e.getMessage(), e);
            }
        }
    }
}
