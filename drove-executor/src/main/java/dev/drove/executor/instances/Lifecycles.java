package dev.drove.executor.instances;

import dev.drove.common.statemachine.TransitionTable;
import dev.drove.models.instance.InstanceState;
import dev.drove.models.taskinstance.TaskState;

import static dev.drove.models.instance.InstanceState.DEPROVISIONING;
import static dev.drove.models.instance.InstanceState.HEALTHY;
import static dev.drove.models.instance.InstanceState.LOST;
import static dev.drove.models.instance.InstanceState.PENDING;
import static dev.drove.models.instance.InstanceState.PROVISIONING;
import static dev.drove.models.instance.InstanceState.PROVISIONING_FAILED;
import static dev.drove.models.instance.InstanceState.READINESS_CHECK_FAILED;
import static dev.drove.models.instance.InstanceState.READY;
import static dev.drove.models.instance.InstanceState.STARTING;
import static dev.drove.models.instance.InstanceState.START_FAILED;
import static dev.drove.models.instance.InstanceState.STOPPED;
import static dev.drove.models.instance.InstanceState.STOPPING;
import static dev.drove.models.instance.InstanceState.UNHEALTHY;
import static dev.drove.models.instance.InstanceState.UNKNOWN;
import static dev.drove.models.instance.InstanceState.UNREADY;

/**
 * The legal moves of the executor's state machines, copied from the docs' diagrams
 * (images/app-instance-state-machine.png, images/task-state-machine.png). Local service instances share the
 * application instance machine.
 *
 * <p>Additions to the diagrams, each for a case the pictures leave out: a stop that arrives before the container
 * runs (PENDING/PROVISIONING → STOPPING); a container that is gone when the executor restarts (UNKNOWN → STOPPED or
 * LOST); a task whose container could not be created (STARTING → RUN_FAILED → DEPROVISIONING).
 */
public final class Lifecycles {
    private Lifecycles() {
    }

    public static final TransitionTable<InstanceState> INSTANCE = TransitionTable.of(InstanceState.class)
            .from(PENDING).to(PROVISIONING, STOPPING)
            .from(PROVISIONING).to(STARTING, PROVISIONING_FAILED, STOPPING)
            .from(PROVISIONING_FAILED).to(DEPROVISIONING)
            .from(STARTING).to(UNREADY, START_FAILED)
            .from(START_FAILED).to(DEPROVISIONING)
            .from(UNKNOWN).to(UNREADY, STOPPED, LOST)
            .from(UNREADY).to(READY, READINESS_CHECK_FAILED, STOPPING)
            .from(READINESS_CHECK_FAILED).to(DEPROVISIONING)
            .from(READY).to(HEALTHY, STOPPING)
            .from(HEALTHY).to(UNHEALTHY, STOPPING)
            .from(UNHEALTHY).to(HEALTHY, STOPPING)
            .from(STOPPING).to(DEPROVISIONING)
            .from(DEPROVISIONING).to(STOPPED)
            .terminal(STOPPED, LOST)
            .build();

    public static final TransitionTable<TaskState> TASK = TransitionTable.of(TaskState.class)
            .from(TaskState.PENDING).to(TaskState.PROVISIONING, TaskState.RUN_COMPLETED)
            .from(TaskState.PROVISIONING).to(TaskState.STARTING, TaskState.PROVISIONING_FAILED)
            .from(TaskState.PROVISIONING_FAILED).to(TaskState.DEPROVISIONING)
            .from(TaskState.STARTING).to(TaskState.RUNNING, TaskState.RUN_COMPLETED, TaskState.RUN_FAILED)
            .from(TaskState.RUNNING).to(TaskState.RUN_COMPLETED)
            .from(TaskState.RUN_COMPLETED).to(TaskState.DEPROVISIONING)
            .from(TaskState.RUN_FAILED).to(TaskState.DEPROVISIONING)
            .from(TaskState.DEPROVISIONING).to(TaskState.STOPPED)
            .from(TaskState.UNKNOWN).to(TaskState.RUNNING, TaskState.STOPPED, TaskState.LOST)
            .terminal(TaskState.STOPPED, TaskState.LOST)
            .build();
}
