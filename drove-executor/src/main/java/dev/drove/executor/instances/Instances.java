package dev.drove.executor.instances;

import dev.drove.common.messages.InstanceSpec;
import dev.drove.common.messages.ServiceInstanceSpec;
import dev.drove.common.messages.TaskInstanceSpec;
import dev.drove.executor.engine.ContainerEvent;
import dev.drove.executor.engine.ContainerEvents;
import dev.drove.executor.engine.ManagedContainer;
import dev.drove.executor.topology.ResourceBook;
import dev.drove.models.application.JobType;
import dev.drove.models.instance.InstanceInfo;
import dev.drove.models.instance.InstanceState;
import dev.drove.models.instance.LocalServiceInstanceInfo;
import dev.drove.models.taskinstance.TaskInfo;
import dev.drove.models.taskinstance.TaskState;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The instances this executor runs, and the only way to start, stop or adopt one. Each instance runs its state
 * machine on its own thread ({@link InstanceMachine}); every state change reaches the {@link InstanceListener}s.
 *
 * <pre>
 * startService / startTask ──lock resources──▶ PENDING (reported) ──▶ thread: steps … ──▶ STOPPED (reported,
 *                                                                          resources released, leaves the registry)
 * adopt(container, labels) ──re-lock──▶ UNKNOWN (reported) ──▶ thread: UNREADY … / RUNNING …   (executor restart)
 * stop(id) ──▶ the instance's signal trips ──▶ its step ends its wait ──▶ STOPPING / RUN_COMPLETED(CANCELLED) …
 * engine die event ──▶ the instance whose container died: STOPPING (via UNHEALTHY if it was HEALTHY) with the code
 * engine unreachable ──▶ steps and checks hold (EngineOutageHold) ──▶ engine back ──▶ resynchronise(containers):
 *     running: carry on, output followed again | exited: as a die event | gone: vanished ──▶ stop path
 * </pre>
 *
 * <p>A start is refused, with nothing run, when the instance id is already tracked with another spec or its cores or
 * memory cannot be locked; a start repeating the tracked spec (a resent message) is accepted and changes nothing. The last info of an instance that ended stays findable for {@link #FINISHED_RETENTION}, so a late query
 * still sees how it ended; the lists show only instances that have not ended. Thread-safe.
 */
@Singleton
public final class Instances implements AutoCloseable {
    /** How long the last info of an ended instance stays findable. */
    public static final Duration FINISHED_RETENTION = Duration.ofMinutes(10);

    private static final Logger LOG = LoggerFactory.getLogger(Instances.class);
    static final List<InstanceState> SERVICE_FAILURE_PATH = List.of(InstanceState.PROVISIONING_FAILED,
            InstanceState.START_FAILED, InstanceState.READINESS_CHECK_FAILED, InstanceState.STOPPING,
            InstanceState.DEPROVISIONING, InstanceState.LOST, InstanceState.STOPPED);
    static final List<TaskState> TASK_FAILURE_PATH = List.of(TaskState.PROVISIONING_FAILED,
            TaskState.RUN_FAILED, TaskState.RUN_COMPLETED, TaskState.DEPROVISIONING, TaskState.LOST,
            TaskState.STOPPED);

    private final Map<InstanceState, InstanceStep> serviceSteps;
    private final Map<TaskState, TaskStep> taskSteps;
    /**
     * States with a container (or its remains) whose steps wait out an engine outage instead of failing: everything
     * after the container started. A failure while pulling, creating or starting is a failed start, as always.
     */
    static final Set<InstanceState> SERVICE_HELD_STATES = EnumSet.of(InstanceState.UNKNOWN, InstanceState.UNREADY,
            InstanceState.READY, InstanceState.HEALTHY, InstanceState.UNHEALTHY, InstanceState.STOPPING,
            InstanceState.DEPROVISIONING, InstanceState.PROVISIONING_FAILED, InstanceState.START_FAILED,
            InstanceState.READINESS_CHECK_FAILED);
    static final Set<TaskState> TASK_HELD_STATES = EnumSet.of(TaskState.UNKNOWN, TaskState.RUNNING,
            TaskState.RUN_COMPLETED, TaskState.RUN_FAILED, TaskState.PROVISIONING_FAILED, TaskState.DEPROVISIONING);

    private final ResourceBook resources;
    private final ContainerEvents events;
    private final ExecutorIdentity executor;
    private final EngineOutageHold hold;
    private final InstanceContainers containers;
    private final List<InstanceListener> listeners = new CopyOnWriteArrayList<>();
    private final Map<String, InstanceMachine<?, ?>> live = new ConcurrentHashMap<>();
    private final Map<String, Ended> ended = new ConcurrentHashMap<>();
    private final Consumer<ContainerEvent> eventListener = this::onContainerEvent;
    private final InstanceMachine.Observer observer = this::moved;

    @Inject
    Instances(Map<InstanceState, InstanceStep> serviceSteps, Map<TaskState, TaskStep> taskSteps,
              ResourceBook resources, ContainerEvents events, ExecutorIdentity executor, EngineOutageHold hold,
              InstanceContainers containers) {
        this.serviceSteps = Map.copyOf(serviceSteps);
        this.taskSteps = Map.copyOf(taskSteps);
        this.resources = resources;
        this.events = events;
        this.executor = executor;
        this.hold = hold;
        this.containers = containers;
        events.addListener(eventListener);
    }

    /** Adds a listener for every later state change of every instance. */
    public void addListener(InstanceListener listener) {
        listeners.add(listener);
    }

    /**
     * Starts an application or local service instance: locks its cores and memory, reports it PENDING and runs its
     * machine. Returns at once; the container starts in the background.
     *
     * @throws StartRefusedException when the instance id is already tracked with another spec or the resources cannot
     *                               be locked; nothing was started (the same spec again is accepted and ignored)
     */
    public void startService(ServiceInstanceSpec spec) throws StartRefusedException {
        ServiceInstance instance = new ServiceInstance(spec, executor, InstanceState.PENDING, new Date(), false);
        launch(serviceMachine(instance), true);
    }

    /** Starts a task instance; see {@link #startService}. */
    public void startTask(TaskInstanceSpec spec) throws StartRefusedException {
        TaskRun task = new TaskRun(spec, executor, TaskState.PENDING, new Date(), false);
        launch(taskMachine(task), true);
    }

    /**
     * Takes over a container an earlier run of this executor started (contract §3, "Recovery after restart"): the
     * instance is registered from the container's labels in UNKNOWN, its resources are locked again and its machine
     * resumes: a running service container is followed from now on and checked for readiness without the initial
     * delay; a task container is watched to its end. A container that no longer runs ends LOST (a service) or with
     * its result (a finished task). The container is never restarted or recreated.
     *
     * @param labels the container's labels ({@link ContainerLabels})
     * @return the adopted instance id
     * @throws StartRefusedException    when the instance is already tracked or its resources cannot be locked
     * @throws IllegalArgumentException when the labels do not describe an instance
     */
    public String adopt(String containerId, Map<String, String> labels) throws StartRefusedException {
        ContainerLabels.Labelled labelled = ContainerLabels.read(labels);
        String labelledExecutor = labels.get(ContainerLabels.EXECUTOR_ID);
        if (labelledExecutor != null && !labelledExecutor.equals(executor.executorId())) {
            LOG.warn("Adopting container {} that executor {} started; this executor is {}", containerId,
                    labelledExecutor, executor.executorId());
        }
        InstanceSpec spec = labelled.spec();
        InstanceMachine<?, ?> machine;
        if (labelled.jobType() == JobType.COMPUTATION) {
            TaskRun task = new TaskRun((TaskInstanceSpec) spec, executor, TaskState.UNKNOWN, labelled.created(), true);
            task.containerId(containerId);
            machine = taskMachine(task);
        } else {
            ServiceInstance instance = new ServiceInstance((ServiceInstanceSpec) spec, executor,
                    InstanceState.UNKNOWN, labelled.created(), true);
            instance.containerId(containerId);
            instance.ports(labelled.ports());
            machine = serviceMachine(instance);
        }
        launch(machine, false);
        return spec.instanceId();
    }

    /**
     * Asks an instance or task to stop. Idempotent: a second call for an instance already stopping changes nothing.
     *
     * @return false when no such instance is running here
     */
    public boolean stop(String instanceId) {
        InstanceMachine<?, ?> machine = live.get(instanceId);
        if (machine == null) {
            return false;
        }
        TrackedInstance<?> instance = machine.instance();
        if (!instance.isStopRequested()) {
            LOG.info("Stop requested for {} in {}", instance.describe(), instance.state());
        }
        instance.requestStop();
        return true;
    }

    /** Application instances that have not ended. */
    public List<InstanceInfo> instances() {
        return live.values().stream().map(InstanceMachine::instance)
                .filter(ServiceInstance.class::isInstance).map(ServiceInstance.class::cast)
                .filter(ServiceInstance::isApplication).map(ServiceInstance::instanceInfo).toList();
    }

    /** Local service instances that have not ended. */
    public List<LocalServiceInstanceInfo> serviceInstances() {
        return live.values().stream().map(InstanceMachine::instance)
                .filter(ServiceInstance.class::isInstance).map(ServiceInstance.class::cast)
                .filter(instance -> !instance.isApplication()).map(ServiceInstance::serviceInstanceInfo).toList();
    }

    /** Task instances that have not ended. */
    public List<TaskInfo> tasks() {
        return live.values().stream().map(InstanceMachine::instance)
                .filter(TaskRun.class::isInstance).map(TaskRun.class::cast).map(TaskRun::taskInfo).toList();
    }

    /** The application instance, running or ended within {@link #FINISHED_RETENTION}. */
    public Optional<InstanceInfo> findInstance(String instanceId) {
        return find(instanceId).filter(ServiceInstance.class::isInstance).map(ServiceInstance.class::cast)
                .filter(ServiceInstance::isApplication).map(ServiceInstance::instanceInfo);
    }

    /** The local service instance, running or ended within {@link #FINISHED_RETENTION}. */
    public Optional<LocalServiceInstanceInfo> findServiceInstance(String instanceId) {
        return find(instanceId).filter(ServiceInstance.class::isInstance).map(ServiceInstance.class::cast)
                .filter(instance -> !instance.isApplication()).map(ServiceInstance::serviceInstanceInfo);
    }

    /** The task instance, running or ended within {@link #FINISHED_RETENTION}. */
    public Optional<TaskInfo> findTask(String instanceId) {
        return find(instanceId).filter(TaskRun.class::isInstance).map(TaskRun.class::cast).map(TaskRun::taskInfo);
    }

    /** Whether the instance is tracked and has not ended. */
    public boolean isRunning(String instanceId) {
        return live.containsKey(instanceId);
    }

    /**
     * Stops watching every instance without touching its container, as when the executor shuts down: the containers
     * keep running for the next executor to {@link #adopt}. No further state is reported.
     */
    public void detach() {
        events.removeListener(eventListener);
        live.values().forEach(InstanceMachine::detach);
        live.clear();
    }

    /** Same as {@link #detach()}. */
    @Override
    public void close() {
        detach();
    }

    /**
     * After the container engine was unreachable (it restarted, say): brings every tracked instance in line with
     * the engine's list of this executor's containers. A container that still runs carries on (its output is
     * followed again from the start of the outage, if that stream broke); one that exited meanwhile is taken as
     * having died (its instance heads for UNHEALTHY/STOPPING, a task for its result), one that is gone as vanished,
     * so the controller replaces them the usual way. Instances without a container yet, or being stopped, are left
     * to their steps.
     *
     * @param managed the engine's containers carrying the instance id label, listed after it answered again
     * @param since   when the engine stopped answering
     */
    public Resync resynchronise(List<ManagedContainer> managed, Instant since) {
        Map<String, ManagedContainer> byId = new HashMap<>();
        managed.forEach(container -> byId.put(container.id(), container));
        int carryOn = 0;
        int ended = 0;
        for (InstanceMachine<?, ?> machine : live.values()) {
            TrackedInstance<?> instance = machine.instance();
            String containerId = instance.containerId();
            if (containerId == null || instance.isExpectingExit()) {
                continue;
            }
            ManagedContainer container = byId.get(containerId);
            if (container != null && "created".equals(container.state())) {
                continue; // still being started: its start step finds out
            }
            if (container == null) {
                LOG.warn("The container {} of {} is gone after the container engine was unreachable",
                        containerId, instance.describe());
                instance.containerVanished();
                ended++;
            } else if (container.isRunning()) {
                containers.followAgain(instance, since);
                carryOn++;
            } else {
                OptionalInt code = containers.engine().exitCode(containerId);
                LOG.warn("The container {} of {} exited (code {}) while the container engine was unreachable",
                        containerId, instance.describe(), code.isPresent() ? code.getAsInt() : "unknown");
                instance.containerDied(code);
                ended++;
            }
        }
        return new Resync(carryOn, ended);
    }

    /** What a {@link #resynchronise} found. */
    public record Resync(int carryingOn, int ended) {
    }

    /** How many instances and tasks have not ended. */
    public int count() {
        return live.size();
    }

    private InstanceMachine<InstanceState, ServiceInstance> serviceMachine(ServiceInstance instance) {
        return new InstanceMachine<>(instance, Lifecycles.INSTANCE, serviceSteps, SERVICE_FAILURE_PATH, observer,
                hold, SERVICE_HELD_STATES);
    }

    private InstanceMachine<TaskState, TaskRun> taskMachine(TaskRun task) {
        return new InstanceMachine<>(task, Lifecycles.TASK, taskSteps, TASK_FAILURE_PATH, observer, hold,
                TASK_HELD_STATES);
    }

    /**
     * @param resentIsAccepted whether a start repeating the spec of the tracked instance with that id is accepted
     *                         and ignored (a START message resent by the controller) rather than refused
     */
    private void launch(InstanceMachine<?, ?> machine, boolean resentIsAccepted) throws StartRefusedException {
        TrackedInstance<?> instance = machine.instance();
        String id = instance.instanceId();
        synchronized (live) {
            InstanceMachine<?, ?> tracked = live.get(id);
            if (tracked != null) {
                if (resentIsAccepted && tracked.instance().spec().equals(instance.spec())) {
                    // The controller resends a START whose answer it did not get; the first one arrived.
                    LOG.info("START of {} repeated with the same spec; it is already tracked, nothing to do",
                            instance.describe());
                    return;
                }
                throw new StartRefusedException("Instance " + id + " is already running on this executor");
            }
            try {
                resources.lock(id, instance.spec().resources());
            } catch (ResourceBook.ResourcesUnavailableException e) {
                throw new StartRefusedException("Cannot start " + instance.describe() + ": " + e.getMessage(), e);
            }
            live.put(id, machine);
            ended.remove(id);
        }
        LOG.info("{} is {}", instance.describe(), instance.state());
        report(instance);
        machine.start();
    }

    private Optional<TrackedInstance<?>> find(String instanceId) {
        InstanceMachine<?, ?> machine = live.get(instanceId);
        if (machine != null) {
            return Optional.of(machine.instance());
        }
        Instant cutoff = Instant.now().minus(FINISHED_RETENTION);
        ended.values().removeIf(entry -> entry.at().isBefore(cutoff));
        return Optional.ofNullable(ended.get(instanceId)).map(Ended::instance);
    }

    private void report(TrackedInstance<?> instance) {
        for (InstanceListener listener : listeners) {
            try {
                instance.report(listener);
            } catch (RuntimeException e) {
                LOG.error("An instance listener failed on {}", instance.describe(), e);
            }
        }
    }

    /**
     * Called on the instance's thread after each move. A terminal instance gives up its resources and leaves the
     * lists before it is reported, so the report's resource snapshot shows them free; it stays findable.
     */
    private void moved(TrackedInstance<?> instance, boolean terminal) {
        if (terminal) {
            resources.release(instance.instanceId());
            instance.closeLogs();
            synchronized (live) {
                ended.put(instance.instanceId(), new Ended(instance, Instant.now()));
                live.remove(instance.instanceId());
            }
        }
        report(instance);
    }

    private void onContainerEvent(ContainerEvent event) {
        for (InstanceMachine<?, ?> machine : live.values()) {
            TrackedInstance<?> instance = machine.instance();
            if (!event.containerId().equals(instance.containerId())) {
                continue;
            }
            if (event.type() == ContainerEvent.Type.DIE) {
                instance.containerDied(event.exitCode());
            } else if (event.type() == ContainerEvent.Type.OOM) {
                LOG.warn("The container of {} ran out of memory", instance.describe());
                instance.ranOutOfMemory();
            }
        }
    }

    /** The last state of an instance that ended, and when. */
    private record Ended(TrackedInstance<?> instance, Instant at) {
    }
}
