package dev.drove.executor.instances;

import com.google.inject.AbstractModule;
import com.google.inject.Scopes;
import com.google.inject.multibindings.MapBinder;
import dev.drove.models.instance.InstanceState;
import dev.drove.models.taskinstance.TaskState;

/**
 * Binds {@link Instances}, the step of every non-terminal state of both machines and the {@link ExecutorIdentity}.
 *
 * <p>Needs, from the other modules: {@code ContainerEngine}, {@code ContainerEvents}, {@code DockerClients} and
 * {@code ExecutorOptions} (engine), {@code CheckRunner} and {@code PreShutdownRunner} (checks),
 * {@code ExecutorResources} and {@code ResourceConfig} (topology), and a {@code ResourceBook} for this executor's id.
 * {@code ContainerEvents} must be started for containers that die to be noticed at once.
 */
public final class InstancesModule extends AbstractModule {
    private final ExecutorIdentity identity;

    public InstancesModule(ExecutorIdentity identity) {
        this.identity = identity;
    }

    @Override
    protected void configure() {
        bind(ExecutorIdentity.class).toInstance(identity);
        bind(Instances.class).in(Scopes.SINGLETON);

        MapBinder<InstanceState, InstanceStep> service =
                MapBinder.newMapBinder(binder(), InstanceState.class, InstanceStep.class);
        service.addBinding(InstanceState.PENDING).to(PendingStep.class);
        service.addBinding(InstanceState.PROVISIONING).to(ProvisioningStep.class);
        service.addBinding(InstanceState.PROVISIONING_FAILED).to(FailedStartStep.class);
        service.addBinding(InstanceState.STARTING).to(StartingStep.class);
        service.addBinding(InstanceState.START_FAILED).to(FailedStartStep.class);
        service.addBinding(InstanceState.UNREADY).to(UnreadyStep.class);
        service.addBinding(InstanceState.READINESS_CHECK_FAILED).to(FailedStartStep.class);
        service.addBinding(InstanceState.READY).to(ReadyStep.class);
        service.addBinding(InstanceState.HEALTHY).to(HealthyStep.class);
        service.addBinding(InstanceState.UNHEALTHY).to(UnhealthyStep.class);
        service.addBinding(InstanceState.STOPPING).to(StoppingStep.class);
        service.addBinding(InstanceState.DEPROVISIONING).to(DeprovisioningStep.class);
        service.addBinding(InstanceState.UNKNOWN).to(UnknownStep.class);

        MapBinder<TaskState, TaskStep> task = MapBinder.newMapBinder(binder(), TaskState.class, TaskStep.class);
        task.addBinding(TaskState.PENDING).to(TaskPendingStep.class);
        task.addBinding(TaskState.PROVISIONING).to(TaskProvisioningStep.class);
        task.addBinding(TaskState.PROVISIONING_FAILED).to(TaskCleanupStep.class);
        task.addBinding(TaskState.STARTING).to(TaskStartingStep.class);
        task.addBinding(TaskState.RUNNING).to(TaskRunningStep.class);
        task.addBinding(TaskState.RUN_COMPLETED).to(TaskCleanupStep.class);
        task.addBinding(TaskState.RUN_FAILED).to(TaskCleanupStep.class);
        task.addBinding(TaskState.DEPROVISIONING).to(TaskDeprovisioningStep.class);
        task.addBinding(TaskState.UNKNOWN).to(TaskUnknownStep.class);
    }
}
