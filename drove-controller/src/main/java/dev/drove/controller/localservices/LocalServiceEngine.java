package dev.drove.controller.localservices;

import dev.drove.common.errors.ApiException;
import dev.drove.controller.leadership.LeadershipListener;
import dev.drove.controller.operations.LifecycleOptions;
import dev.drove.controller.statestore.LocalServiceStore;
import dev.drove.models.api.ApiResponse;
import dev.drove.models.instance.LocalServiceInstanceInfo;
import dev.drove.models.instance.LocalServiceInstanceState;
import dev.drove.models.internal.LocalServiceInstanceResources;
import dev.drove.models.localservice.ActivationState;
import dev.drove.models.localservice.LocalServiceInfo;
import dev.drove.models.localservice.LocalServiceState;
import dev.drove.models.operation.LocalServiceCreateOperation;
import dev.drove.models.operation.LocalServiceOperation;
import dev.drove.models.operation.LocalServiceReplaceInstancesOperation;
import dev.drove.models.operation.LocalServiceStopInstancesOperation;
import jakarta.ws.rs.core.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Runs the life of every local service on the leader: accepts operations (one at a time per service), carries them
 * out in the background, and every {@code appMonitorInterval} converges every service that runs none, so an executor
 * that joins gets its instances and lost ones are replaced. Only the leader runs anything; a new leader reads the
 * stored activation states and its monitor finishes what the last one left.
 *
 * <p>The REST layer calls {@link #submit}, {@link #cancel} and {@link #state}; the refusals are
 * {@link ApiException}s with the sentence for the user.
 */
public final class LocalServiceEngine implements LeadershipListener, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(LocalServiceEngine.class);
    private static final Duration STOP_WAIT = Duration.ofSeconds(5);

    private final LocalServiceStore services;
    private final ServiceInstanceStates states;
    private final ServiceReservations reservations;
    private final ServiceRunner runner;
    private final LifecycleOptions options;
    private final Map<String, ServiceRun> running = new ConcurrentHashMap<>();
    private final Map<String, LocalServiceInfo> lastKnown = new ConcurrentHashMap<>();
    private final List<BiConsumer<LocalServiceInfo, LocalServiceState>> stateListeners =
            new CopyOnWriteArrayList<>();
    private final Object creating = new Object();
    private volatile BooleanSupplier paused = () -> false;
    private volatile ServiceTerm term; // null while not leading

    LocalServiceEngine(LocalServiceStore services, ServiceInstanceStates states, ServiceInstanceActions actions,
                       ServiceReservations reservations, LifecycleOptions options) {
        this.services = services;
        this.states = states;
        this.reservations = reservations;
        this.runner = new ServiceRunner(services, actions, reservations);
        this.options = options;
    }

    /**
     * Accepts {@code operation} and starts it in the background (CREATE is done at once); returns the serviceId.
     * The operation was read and validated by the caller; this checks what needs the cluster's state.
     *
     * @throws ApiException 404 "Local service X not found"; 409 "Local service X already exists" (CREATE), "… is
     *                      busy with ACTIVATE; wait or cancel it", or a state that does not accept the operation;
     *                      400 for instance ids the service does not have, or when this controller does not lead
     */
    public String submit(LocalServiceOperation operation) {
        var current = term;
        if (current == null) {
            throw new ApiException(Response.Status.BAD_REQUEST, ApiResponse.NOT_LEADER_MESSAGE);
        }
        if (operation instanceof LocalServiceCreateOperation create) {
            return create(create);
        }
        var serviceId = operation.serviceId();
        var service = services.find(serviceId)
                .orElseThrow(() -> ApiException.notFound("Local service %s not found", serviceId));
        var busy = running.get(serviceId);
        if (busy != null) {
            throw busy(serviceId, busy);
        }
        var type = operation.operationType();
        var state = ServiceOperationRules.restingState(service.activationState());
        if (!ServiceOperationRules.accepts(type, state)) {
            throw ApiException.conflict("Local service %s is %s; %s is accepted only when it is %s", serviceId,
                    state, type, ServiceOperationRules.acceptedIn(type).stream().map(Enum::name)
                            .collect(Collectors.joining(" or ")));
        }
        if (operation instanceof LocalServiceStopInstancesOperation stop) {
            requireActive(serviceId, stop.instanceIds());
        }
        if (operation instanceof LocalServiceReplaceInstancesOperation replace) {
            requireActive(serviceId, replace.instanceIds());
        }
        launch(current, new ServiceRun(operation, ServiceRun.Origin.SUBMITTED, current, options.internalOpSpec(),
                ServiceOperationRules.workingState(type), this::announce));
        return serviceId;
    }

    /** Asks the service's running operation to stop after its current step; false when none runs. */
    public boolean cancel(String serviceId) {
        var run = running.get(serviceId);
        if (run != null && run.cancel()) {
            log.info("Cancel requested for {}; it stops after its current step", run);
        }
        return run != null;
    }

    /** The service's state: its operation's working state, else the resting state of its activation. */
    public Optional<LocalServiceState> state(String serviceId) {
        var run = running.get(serviceId);
        if (run != null) {
            return Optional.of(run.state());
        }
        return services.find(serviceId).map(service -> ServiceOperationRules.restingState(
                service.activationState()));
    }

    /**
     * Calls {@code listener} with the service and its new state whenever a local service changes state (created
     * INACTIVE, each working state of an operation, back to rest, DESTROYED), on the thread that changed it; it
     * must return quickly.
     */
    public void addStateListener(BiConsumer<LocalServiceInfo, LocalServiceState> listener) {
        stateListeners.add(listener);
    }

    /** Calls {@code listener} with every local service instance saved in a state other than its previous one. */
    public void addInstanceStateChangeListener(Consumer<LocalServiceInstanceInfo> listener) {
        states.addListener(listener);
    }

    /**
     * Skips the monitor's passes while {@code pause} answers true (maintenance mode: nothing is started or stopped
     * on the controller's own initiative); submitted operations still run.
     */
    public void pauseMonitorWhile(BooleanSupplier pause) {
        this.paused = pause;
    }

    /** What every eligible executor keeps for local services ({@code /apis/v1/internal/cluster/resources/reserved}). */
    public LocalServiceInstanceResources reserved() {
        return reservations.totals();
    }

    /** Takes an executor's report of one of its local service instances (through the report intake). */
    void report(LocalServiceInstanceInfo reported) {
        states.report(reported);
    }

    /** Marks every active instance on an executor given up after the grace period LOST, so the monitor replaces it. */
    void executorLost(String executorId) {
        if (term == null) {
            return;
        }
        int lost = 0;
        for (var service : services.all()) {
            for (var instance : states.of(service.serviceId()).active()) {
                if (executorId.equals(instance.executorId())) {
                    states.record(ServiceInstanceStates.ended(instance, LocalServiceInstanceState.LOST,
                            "Executor " + executorId + " has been gone longer than the grace period"));
                    lost++;
                }
            }
        }
        if (lost > 0) {
            log.warn("{} local service instances on vanished executor {} are LOST", lost, executorId);
        }
    }

    @Override
    public synchronized void leadershipAcquired() {
        endTerm("a new leadership term starts");
        var started = new ServiceTerm();
        term = started;
        reservations.refresh();
        var interval = options.appMonitorInterval().toMilliseconds();
        started.monitor().scheduleWithFixedDelay(() -> check(started), interval, interval, TimeUnit.MILLISECONDS);
        log.info("Local service engine started: converging every {} ms", interval);
    }

    @Override
    public synchronized void leadershipLost() {
        endTerm("leadership is lost; the next leader converges the services");
    }

    @Override
    public void close() {
        leadershipLost();
    }

    private String create(LocalServiceCreateOperation create) {
        var serviceId = create.serviceId();
        synchronized (creating) {
            if (services.find(serviceId).isPresent()) {
                throw ApiException.conflict("Local service %s already exists", serviceId);
            }
            var now = new Date();
            services.save(new LocalServiceInfo(serviceId, create.spec(), create.instancesPerHost(),
                    ActivationState.INACTIVE, now, now));
        }
        log.info("Local service {} is created, INACTIVE with {} instances per host", serviceId,
                create.instancesPerHost());
        announce(serviceId, LocalServiceState.INACTIVE);
        return serviceId;
    }

    /** One monitor pass: a repair for every service that runs no operation. */
    private void check(ServiceTerm current) {
        if (!current.isCurrent() || paused.getAsBoolean()) {
            return;
        }
        try {
            var eligible = reservations.eligibleExecutors();
            for (var service : services.all()) {
                if (!running.containsKey(service.serviceId())) {
                    ServiceMonitor.repair(service, states.of(service.serviceId()), eligible).ifPresent(op -> {
                        log.info("Local service {} is {} but its instances are off; running {}",
                                service.serviceId(), service.activationState(), op.operationType());
                        launch(current, new ServiceRun(op, ServiceRun.Origin.MONITOR, current,
                                options.internalOpSpec(), ServiceOperationRules.workingState(op.operationType()),
                                this::announce));
                    });
                }
            }
        } catch (RuntimeException e) {
            log.warn("The local service monitor could not check the services: {}", e.getMessage(), e);
        }
    }

    /** Claims the service's slot and runs the operation on the term's threads; the slot is freed when it ends. */
    private void launch(ServiceTerm current, ServiceRun run) {
        var serviceId = run.serviceId();
        var other = running.putIfAbsent(serviceId, run);
        if (other != null) {
            if (run.origin() == ServiceRun.Origin.MONITOR) {
                return; // a submitted operation got there first
            }
            throw busy(serviceId, other);
        }
        announce(serviceId, run.state());
        try {
            current.workers().execute(() -> {
                try {
                    runner.run(run);
                } finally {
                    running.remove(serviceId, run);
                    if (run.state() != LocalServiceState.DESTROYED && !run.isAbandoned()) {
                        state(serviceId).ifPresent(resting -> announce(serviceId, resting));
                    }
                }
            });
        } catch (RejectedExecutionException e) {
            running.remove(serviceId, run);
            throw new ApiException(Response.Status.BAD_REQUEST, ApiResponse.NOT_LEADER_MESSAGE);
        }
    }

    /** Tells the state listeners; a destroyed service is named as it was last seen. */
    private void announce(String serviceId, LocalServiceState state) {
        if (stateListeners.isEmpty()) {
            return;
        }
        var service = state == LocalServiceState.DESTROYED
                ? Optional.ofNullable(lastKnown.remove(serviceId))
                : services.find(serviceId);
        service.ifPresent(info -> {
            if (state != LocalServiceState.DESTROYED) {
                lastKnown.put(serviceId, info);
            }
            for (var listener : stateListeners) {
                try {
                    listener.accept(info, state);
                } catch (RuntimeException e) {
                    log.warn("A listener failed on local service {} moving to {}: {}", serviceId, state,
                            e.getMessage(), e);
                }
            }
        });
    }

    private void requireActive(String serviceId, Collection<String> instanceIds) {
        var unknown = new TreeSet<>(instanceIds);
        unknown.removeAll(states.of(serviceId).active().stream().map(LocalServiceInstanceInfo::instanceId)
                .toList());
        if (!unknown.isEmpty()) {
            throw ApiException.badRequest("Local service %s has no active instances %s", serviceId, unknown);
        }
    }

    private void endTerm(String why) {
        var ended = term;
        term = null;
        if (ended != null) {
            var count = running.size();
            ended.end(STOP_WAIT);
            running.clear();
            log.info("Local service engine stopped with {} operations running: {}", count, why);
        }
    }

    private static ApiException busy(String serviceId, ServiceRun run) {
        return ApiException.conflict("Local service %s is busy with %s; wait or cancel it", serviceId,
                run.operation().operationType());
    }
}
