package dev.drove.executor.metrics;

import com.codahale.metrics.MetricRegistry;
import dev.drove.common.metrics.StateGauges;
import dev.drove.executor.instances.Instances;
import dev.drove.models.instance.InstanceInfo;
import dev.drove.models.instance.InstanceState;
import dev.drove.models.instance.LocalServiceInstanceInfo;
import dev.drove.models.instance.LocalServiceInstanceState;
import dev.drove.models.taskinstance.TaskInfo;
import dev.drove.models.taskinstance.TaskState;

import java.time.Duration;

/**
 * Gauges of what this executor runs now, by state: {@value #INSTANCES}.{STATE} (application instances),
 * {@value #SERVICE_INSTANCES}.{STATE} (local service instances) and {@value #TASKS}.{STATE}. Ended instances drop
 * out, as they do from the executor's snapshot.
 */
public final class InstanceGauges {
    public static final String INSTANCES = "drove.executor.instances";
    public static final String SERVICE_INSTANCES = "drove.executor.localservice.instances";
    public static final String TASKS = "drove.executor.tasks";

    /** Counted at most this often, however many gauges are read: the executor's own memory, so cheap. */
    private static final Duration REFRESH = Duration.ofSeconds(1);

    private InstanceGauges() {
    }

    public static void register(MetricRegistry registry, Instances instances) {
        StateGauges.register(registry, INSTANCES, InstanceState.class, REFRESH,
                () -> instances.instances().stream().map(InstanceInfo::state).toList());
        StateGauges.register(registry, SERVICE_INSTANCES, LocalServiceInstanceState.class, REFRESH,
                () -> instances.serviceInstances().stream().map(LocalServiceInstanceInfo::state).toList());
        StateGauges.register(registry, TASKS, TaskState.class, REFRESH,
                () -> instances.tasks().stream().map(TaskInfo::state).toList());
    }
}
