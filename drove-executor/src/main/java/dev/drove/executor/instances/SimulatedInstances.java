package dev.drove.executor.instances;

import dev.drove.common.messages.ServiceInstanceSpec;
import dev.drove.executor.engine.ContainerEvents;
import dev.drove.executor.topology.ResourceBook;
import dev.drove.models.application.PortSpec;
import dev.drove.models.instance.InstancePort;
import dev.drove.models.instance.InstanceState;
import dev.drove.models.taskinstance.TaskResult;
import dev.drove.models.taskinstance.TaskState;

import java.time.Duration;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@link Instances} without containers, for hollow executors (control-plane scale tests): the same registry, resource
 * book, state machines, transition tables and listeners as a real executor, but every step only waits its
 * {@link Pace} (ended early by a stop request) and then takes the happy path.
 *
 * <pre>
 * service: PENDING → PROVISIONING → STARTING → UNREADY → READY → HEALTHY ⟶(stop)⟶ STOPPING → DEPROVISIONING → STOPPED
 *          a stop before the container "runs" (PENDING, PROVISIONING, UNREADY, READY) goes to STOPPING at once
 * task:    PENDING → PROVISIONING → STARTING → RUNNING ⟶(taskRun or stop)⟶ RUN_COMPLETED (SUCCESSFUL 0 | CANCELLED 137)
 *          → DEPROVISIONING → STOPPED
 * </pre>
 *
 * Host ports are made up (counting up from 32768 per registry), as the controller only passes them on.
 */
public final class SimulatedInstances {
    private static final int FIRST_HOST_PORT = 32_768;
    /** Never started: a hollow executor has no engine, so no container ever dies on its own. */
    private static final ContainerEvents NO_EVENTS = new ContainerEvents(null);

    /**
     * How long the simulated work takes.
     *
     * @param perState how long each non-terminal state lasts before the next move (HEALTHY and RUNNING excepted)
     * @param taskRun  how long a task runs before it completes successfully
     */
    public record Pace(Duration perState, Duration taskRun) {
        public Pace {
            if (perState == null || perState.isNegative() || taskRun == null || taskRun.isNegative()) {
                throw new IllegalArgumentException("A pace needs durations of zero or more");
            }
        }
    }

    private SimulatedInstances() {
    }

    /** A registry of simulated instances for the executor {@code identity}, locking resources in {@code book}. */
    public static Instances create(ExecutorIdentity identity, ResourceBook book, Pace pace) {
        var hostPorts = new AtomicInteger(FIRST_HOST_PORT);
        Map<InstanceState, InstanceStep> service = new EnumMap<>(InstanceState.class);
        service.put(InstanceState.PENDING, instance -> after(pace, instance, InstanceState.PROVISIONING));
        service.put(InstanceState.PROVISIONING, instance -> after(pace, instance, InstanceState.STARTING));
        service.put(InstanceState.STARTING, instance -> {
            instance.signal().awaitTrip(pace.perState());
            instance.ports(ports(instance.spec(), hostPorts));
            return Move.to(InstanceState.UNREADY);
        });
        service.put(InstanceState.UNREADY, instance -> after(pace, instance, InstanceState.READY));
        service.put(InstanceState.READY, instance -> after(pace, instance, InstanceState.HEALTHY));
        service.put(InstanceState.HEALTHY, instance -> {
            while (!instance.signal().awaitTrip(Duration.ofHours(1))) {
                // healthy until a stop request
            }
            return Move.to(InstanceState.STOPPING);
        });
        service.put(InstanceState.UNHEALTHY, instance -> Move.to(InstanceState.STOPPING));
        service.put(InstanceState.STOPPING, instance -> {
            instance.expectExit();
            pause(pace.perState());
            return Move.to(InstanceState.DEPROVISIONING);
        });
        service.put(InstanceState.DEPROVISIONING, instance -> {
            pause(pace.perState());
            return Move.to(InstanceState.STOPPED);
        });
        InstanceStep toDeprovisioning = instance -> Move.to(InstanceState.DEPROVISIONING);
        service.put(InstanceState.PROVISIONING_FAILED, toDeprovisioning);
        service.put(InstanceState.START_FAILED, toDeprovisioning);
        service.put(InstanceState.READINESS_CHECK_FAILED, toDeprovisioning);
        service.put(InstanceState.UNKNOWN, instance -> Move.to(InstanceState.STOPPED));

        Map<TaskState, TaskStep> task = new EnumMap<>(TaskState.class);
        task.put(TaskState.PENDING, run -> {
            if (run.signal().awaitTrip(pace.perState())) {
                run.result(new TaskResult(TaskResult.Status.CANCELLED, -1));
                return Move.to(TaskState.RUN_COMPLETED);
            }
            return Move.to(TaskState.PROVISIONING);
        });
        task.put(TaskState.PROVISIONING, run -> {
            run.signal().awaitTrip(pace.perState());
            return Move.to(TaskState.STARTING);
        });
        task.put(TaskState.STARTING, run -> {
            run.signal().awaitTrip(pace.perState());
            return Move.to(TaskState.RUNNING);
        });
        task.put(TaskState.RUNNING, run -> {
            boolean stopped = run.signal().awaitTrip(pace.taskRun());
            TaskResult result = stopped ? new TaskResult(TaskResult.Status.CANCELLED, 137) : TaskResult.exited(0);
            run.result(result);
            return new Move<>(TaskState.RUN_COMPLETED, null, ": " + result.status() + " (simulated)");
        });
        TaskStep cleanup = run -> Move.to(TaskState.DEPROVISIONING);
        task.put(TaskState.RUN_COMPLETED, cleanup);
        task.put(TaskState.RUN_FAILED, cleanup);
        task.put(TaskState.PROVISIONING_FAILED, cleanup);
        task.put(TaskState.DEPROVISIONING, run -> {
            pause(pace.perState());
            return Move.to(TaskState.STOPPED);
        });
        task.put(TaskState.UNKNOWN, run -> Move.to(TaskState.STOPPED));
        // No engine behind simulated instances: nothing to wait out during an outage (no hold) and nothing to
        // resynchronise with afterwards (no containers).
        return new Instances(service, task, book, NO_EVENTS, identity, null, null);
    }

    /** Waits the pace, then moves to {@code next}; a stop request ends the wait and heads for STOPPING. */
    private static Move<InstanceState> after(Pace pace, ServiceInstance instance, InstanceState next) {
        return instance.signal().awaitTrip(pace.perState()) ? Move.to(InstanceState.STOPPING) : Move.to(next);
    }

    /** Sleeps {@code wait}; an interrupt (the executor detaching) ends it early. */
    private static void pause(Duration wait) {
        if (wait.isZero()) {
            return;
        }
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Map<String, InstancePort> ports(ServiceInstanceSpec spec, AtomicInteger hostPorts) {
        Map<String, InstancePort> ports = new LinkedHashMap<>();
        for (PortSpec port : spec.ports()) {
            ports.put(port.name(), new InstancePort(port.port(), hostPorts.getAndIncrement(), port.type()));
        }
        return ports;
    }
}
