package dev.drove.controller.metrics;

import com.codahale.metrics.MetricRegistry;
import dev.drove.common.metrics.StateGauges;
import dev.drove.controller.statestore.ApplicationStore;
import dev.drove.controller.statestore.InstanceStore;
import dev.drove.controller.statestore.LocalServiceInstanceStore;
import dev.drove.controller.statestore.LocalServiceStore;
import dev.drove.controller.statestore.TaskStore;
import dev.drove.models.instance.InstanceInfo;
import dev.drove.models.instance.InstanceState;
import dev.drove.models.instance.LocalServiceInstanceInfo;
import dev.drove.models.instance.LocalServiceInstanceState;
import dev.drove.models.taskinstance.TaskInfo;
import dev.drove.models.taskinstance.TaskState;
import jakarta.inject.Inject;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Gauges of the cluster's instances by state, as the state store holds them: {@value #INSTANCES}.{STATE}
 * (application instances), {@value #SERVICE_INSTANCES}.{STATE} (local service instances) and {@value #TASKS}.{STATE}.
 * Finished instances (STOPPED, LOST) count while the store keeps them. Counted at most every {@link #REFRESH}: on the
 * leader from its caches, on a follower from ZooKeeper.
 */
public final class InstanceGauges {
    public static final String INSTANCES = "drove.instances";
    public static final String SERVICE_INSTANCES = "drove.localservice.instances";
    public static final String TASKS = "drove.tasks";
    static final Duration REFRESH = Duration.ofSeconds(5);

    private final ApplicationStore applications;
    private final InstanceStore instances;
    private final LocalServiceStore services;
    private final LocalServiceInstanceStore serviceInstances;
    private final TaskStore tasks;

    @Inject
    InstanceGauges(ApplicationStore applications, InstanceStore instances, LocalServiceStore services,
                   LocalServiceInstanceStore serviceInstances, TaskStore tasks) {
        this.applications = applications;
        this.instances = instances;
        this.services = services;
        this.serviceInstances = serviceInstances;
        this.tasks = tasks;
    }

    /** Adds the gauges to {@code registry}; calling it again changes nothing. */
    public void registerWith(MetricRegistry registry) {
        StateGauges.register(registry, INSTANCES, InstanceState.class, REFRESH, this::instanceStates);
        StateGauges.register(registry, SERVICE_INSTANCES, LocalServiceInstanceState.class, REFRESH,
                this::serviceInstanceStates);
        StateGauges.register(registry, TASKS, TaskState.class, REFRESH,
                () -> tasks.all().stream().map(TaskInfo::state).filter(Objects::nonNull).toList());
    }

    private List<InstanceState> instanceStates() {
        return applications.all().stream()
                .flatMap(app -> instances.all(app.appId()).stream())
                .map(InstanceInfo::state)
                .filter(Objects::nonNull)
                .toList();
    }

    private List<LocalServiceInstanceState> serviceInstanceStates() {
        return services.all().stream()
                .flatMap(service -> serviceInstances.all(service.serviceId()).stream())
                .map(LocalServiceInstanceInfo::state)
                .filter(Objects::nonNull)
                .toList();
    }
}
