package dev.drove.controller.operations;

import dev.drove.common.errors.ApiException;
import dev.drove.controller.auth.InstanceTokens;
import dev.drove.controller.cluster.ExecutorMessenger;
import dev.drove.controller.cluster.ExecutorTracker;
import dev.drove.controller.cluster.InstanceStates;
import dev.drove.controller.leadership.LeadershipListener;
import dev.drove.controller.metrics.OperationMetrics;
import dev.drove.controller.scheduler.Scheduler;
import dev.drove.controller.statemachine.app.ApplicationOperationRules;
import dev.drove.controller.statestore.ApplicationStore;
import dev.drove.controller.statestore.InstanceStore;
import dev.drove.models.api.ApiResponse;
import dev.drove.models.application.ApplicationState;
import dev.drove.models.instance.InstanceInfo;
import dev.drove.models.operation.ApplicationCreateOperation;
import dev.drove.models.operation.ApplicationOperation;
import dev.drove.models.operation.ApplicationRecoverOperation;
import dev.drove.models.operation.ApplicationReplaceInstancesOperation;
import dev.drove.models.operation.ApplicationStartInstancesOperation;
import dev.drove.models.operation.ApplicationStopInstancesOperation;
import jakarta.ws.rs.core.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Collection;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.BooleanSupplier;

/**
 * Runs the life of every application on the leader (docs: applications/operations.md, outage.md): accepts operations,
 * carries out one at a time per application, and every {@code appMonitorInterval} repairs applications whose instance
 * count is off. Only the leader runs anything: leadership starts a term (threads of its own), losing it ends the term,
 * and the next leader picks up every operation left in flight from the store, adopting the instances that run and
 * starting only what is missing.
 *
 * <p>The REST layer calls {@link #submit}, {@link #cancel} and {@link #state}; the refusals are
 * {@link ApiException}s with the sentence for the user.
 */
public final class ApplicationEngine implements LeadershipListener, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ApplicationEngine.class);
    private static final Duration STOP_WAIT = Duration.ofSeconds(5);

    private final ApplicationStore applications;
    private final LifecycleOptions options;
    private final AppRecords records;
    private final InstanceActions actions;
    private final OperationSlots slots;
    private final AppMonitor monitor;
    /**
     * CREATEs of one app id run one at a time, so the second finds the first's app; creates of other apps do not
     * wait for each other's ZooKeeper writes (striped by app id).
     */
    private final Object[] creating = new Object[256];
    private volatile LeadershipTerm term; // null while not leading

    public ApplicationEngine(ApplicationStore applications, InstanceStore instances, InstanceStates states,
                             Scheduler scheduler, ExecutorMessenger messenger, ExecutorTracker tracker,
                             LifecycleOptions options) {
        this(applications, instances, states, scheduler, messenger, tracker, options,
                OperationMetrics.discarding());
    }

    /** @param metrics counts each ended operation by type and outcome */
    public ApplicationEngine(ApplicationStore applications, InstanceStore instances, InstanceStates states,
                             Scheduler scheduler, ExecutorMessenger messenger, ExecutorTracker tracker,
                             LifecycleOptions options, OperationMetrics metrics) {
        this(applications, instances, states, scheduler, messenger, tracker, options, metrics,
                InstanceTokens.withRandomSecret());
    }

    /** @param tokens signs the token each instance it starts gets as DROVE_APP_INSTANCE_AUTH_TOKEN */
    public ApplicationEngine(ApplicationStore applications, InstanceStore instances, InstanceStates states,
                             Scheduler scheduler, ExecutorMessenger messenger, ExecutorTracker tracker,
                             LifecycleOptions options, OperationMetrics metrics, InstanceTokens tokens) {
        this.applications = applications;
        this.options = options;
        this.records = new AppRecords(applications);
        this.actions = new InstanceActions(scheduler, states, instances, messenger, new ConfigInliner(), tokens);
        this.slots = new OperationSlots(new OperationRunner(records, actions, metrics));
        for (int i = 0; i < creating.length; i++) {
            creating[i] = new Object();
        }
        this.monitor = new AppMonitor(applications, records, actions, slots, tracker, options);
    }

    /**
     * Accepts {@code operation} and starts it in the background; returns the appId at once. The spec and op spec
     * are validated by the caller; this checks what needs the cluster's state.
     *
     * @throws ApiException 404 "App X not found"; 409 "App X already exists" (CREATE), "App X is busy with
     *                      SCALE_INSTANCES; wait or cancel it", or a state that does not accept the operation; 400
     *                      for instance ids the app does not have, RECOVER, or when this controller does not lead
     */
    public String submit(ApplicationOperation operation) {
        var current = term;
        if (current == null) {
            throw notLeader();
        }
        if (operation instanceof ApplicationRecoverOperation) {
            throw ApiException.badRequest("RECOVER is run by the controller itself and cannot be submitted");
        }
        if (operation instanceof ApplicationCreateOperation create) {
            synchronized (creating[Math.floorMod(create.appId().hashCode(), creating.length)]) {
                if (applications.find(create.appId()).isPresent()) {
                    throw ApiException.conflict("App %s already exists", create.appId());
                }
                start(current, operation, () -> records.create(create));
            }
            return create.appId();
        }
        var appId = operation.appId();
        var application = applications.find(appId)
                .orElseThrow(() -> ApiException.notFound("App %s not found", appId));
        var inFlight = slots.running(appId);
        if (inFlight.isPresent()) {
            throw busy(appId, inFlight.get().operation());
        }
        var runtime = records.runtime(application);
        if (runtime.hasOperation()) {
            throw busy(appId, runtime.currentOperation());
        }
        var type = operation.operationType();
        if (!ApplicationOperationRules.accepts(type, runtime.state())) {
            throw ApiException.conflict("App %s is %s; %s is accepted only when it is %s", appId, runtime.state(),
                    type, String.join(" or ", new TreeSet<>(ApplicationOperationRules.acceptedIn(type).stream()
                            .map(Enum::name).toList())));
        }
        checkInstances(operation);
        start(current, operation, () -> records.begin(application, operation));
        return appId;
    }

    /** Asks the application's running operation to stop after its current step; false when none runs. */
    public boolean cancel(String appId) {
        var run = slots.running(appId);
        if (run.isPresent() && run.get().cancel()) {
            log.info("Cancel requested for {}; it stops after its current step", run.get());
        }
        return run.isPresent();
    }

    /** The application's state; empty when there is no such application. */
    public Optional<ApplicationState> state(String appId) {
        return applications.find(appId).map(application -> records.runtime(application).state());
    }

    /** Adds a listener for application state changes (APP_STATE_CHANGE events). */
    public void addListener(AppStateListener listener) {
        records.addListener(listener);
    }

    /**
     * Makes the app monitor skip its passes, the first one of a term included, while {@code paused} is true
     * (maintenance mode): no instance is replaced or stopped. Operations already running go on.
     */
    public void pauseRepairsWhile(BooleanSupplier paused) {
        monitor.pauseWhile(paused);
    }

    /** Starts a term: recovers every application once the executors have been read, then monitors them. */
    @Override
    public synchronized void leadershipAcquired() {
        endTerm("a new leadership term starts");
        var started = new LeadershipTerm();
        term = started;
        monitor.start(started);
        log.info("Application engine started: monitoring every {} ms",
                options.appMonitorInterval().toMilliseconds());
    }

    /** Ends the term (see {@link LeadershipTerm#end}): running operations are left for the next leader. */
    @Override
    public synchronized void leadershipLost() {
        endTerm("leadership is lost; the next leader resumes them");
    }

    @Override
    public void close() {
        leadershipLost();
    }

    /** Waits until this term's recovery pass has launched what it found to do; false when not leading or late. */
    boolean awaitRecovery(Duration timeout) throws InterruptedException {
        var current = term;
        return current != null && current.awaitRecovery(timeout);
    }

    /** Claims the application, stores the operation in flight ({@code store}), then runs it. */
    private void start(LeadershipTerm current, ApplicationOperation operation, Runnable store) {
        var appId = operation.appId();
        var run = slots.claim(current, appId, operation, RunningOperation.Origin.SUBMITTED, false)
                .orElseThrow(() -> busy(appId, slots.running(appId).map(RunningOperation::operation)
                        .orElse(operation)));
        try {
            store.run();
            slots.launch(current, run);
        } catch (RejectedExecutionException e) {
            throw notLeader();
        } catch (RuntimeException e) {
            slots.release(run);
            throw e;
        }
    }

    private void checkInstances(ApplicationOperation operation) {
        var appId = operation.appId();
        if (operation instanceof ApplicationStartInstancesOperation start && start.instances() < 1) {
            throw ApiException.badRequest("START_INSTANCES of app %s needs at least 1 instance", appId);
        }
        if (operation instanceof ApplicationStopInstancesOperation stop) {
            requireActive(appId, stop.instanceIds());
        }
        if (operation instanceof ApplicationReplaceInstancesOperation replace) {
            requireActive(appId, replace.instanceIds());
        }
    }

    private void requireActive(String appId, Collection<String> instanceIds) {
        var unknown = new TreeSet<>(instanceIds);
        unknown.removeAll(actions.of(appId).active().stream().map(InstanceInfo::instanceId).toList());
        if (!unknown.isEmpty()) {
            throw ApiException.badRequest("App %s has no active instances %s", appId, unknown);
        }
    }

    private void endTerm(String why) {
        var ended = term;
        term = null;
        if (ended != null) {
            var running = slots.size();
            ended.end(STOP_WAIT);
            slots.clear();
            log.info("Application engine stopped with {} operations running: {}", running, why);
        }
    }

    private static ApiException busy(String appId, ApplicationOperation operation) {
        return ApiException.conflict("App %s is busy with %s; wait or cancel it", appId, operation.operationType());
    }

    private static ApiException notLeader() {
        return new ApiException(Response.Status.BAD_REQUEST, ApiResponse.NOT_LEADER_MESSAGE);
    }
}
