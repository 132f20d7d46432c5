package dev.drove.controller.events;

import dev.drove.models.application.ApplicationInfo;
import dev.drove.models.application.ApplicationState;
import dev.drove.models.application.ContainerSpec;
import dev.drove.models.application.PortSpec;
import dev.drove.models.application.executable.DockerCoordinates;
import dev.drove.models.application.executable.ExecutableCoordinates;
import dev.drove.models.application.requirements.CPURequirement;
import dev.drove.models.application.requirements.MemoryRequirement;
import dev.drove.models.events.AppEventDataTag;
import dev.drove.models.events.AppStateChangeEvent;
import dev.drove.models.events.ClusterEvent;
import dev.drove.models.events.ClusterEventDataTag;
import dev.drove.models.events.DroveEventType;
import dev.drove.models.events.ExecutorEvent;
import dev.drove.models.events.ExecutorEventDataTag;
import dev.drove.models.events.InstanceEventDataTag;
import dev.drove.models.events.InstanceStateChangeEvent;
import dev.drove.models.events.LocalServiceEventDataTag;
import dev.drove.models.events.LocalServiceInstanceEventDataTag;
import dev.drove.models.events.LocalServiceInstanceStateChangeEvent;
import dev.drove.models.events.LocalServiceStateChangeEvent;
import dev.drove.models.events.TaskEventDataTag;
import dev.drove.models.events.TaskStateChangeEvent;
import dev.drove.models.info.nodedata.ExecutorNodeData;
import dev.drove.models.instance.InstanceInfo;
import dev.drove.models.instance.LocalInstanceInfo;
import dev.drove.models.instance.LocalServiceInstanceInfo;
import dev.drove.models.json.Json;
import dev.drove.models.localservice.LocalServiceInfo;
import dev.drove.models.localservice.LocalServiceState;
import dev.drove.models.taskinstance.TaskInfo;

import java.util.Date;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Makes the event of each kind of change, with the metadata keys of its family (contract §2.10) filled as the docs'
 * samples show them (apis/cluster.md): {@code PORTS} as {@code name:port:type} joined with commas (the spec's port
 * for applications and local services, the bound host port for instances), {@code CREATED} in epoch millis,
 * {@code PLACEMENT_POLICY} as the policy's {@code type}. Keys whose value is unknown are left out, and {@code ERROR}
 * only appears when something failed.
 */
public final class EventFactory {
    private EventFactory() {
    }

    /** APP_STATE_CHANGE: the application as stored, now in {@code state}. */
    public static AppStateChangeEvent appStateChanged(ApplicationInfo application, ApplicationState state) {
        var spec = application.spec();
        var metadata = new EnumMap<AppEventDataTag, Object>(AppEventDataTag.class);
        put(metadata, AppEventDataTag.APP_ID, application.appId());
        put(metadata, AppEventDataTag.APP_NAME, spec.name());
        put(metadata, AppEventDataTag.APP_VERSION, spec.version());
        put(metadata, AppEventDataTag.EXECUTABLE, executable(spec.executable()));
        put(metadata, AppEventDataTag.CPU_COUNT, cpus(spec));
        put(metadata, AppEventDataTag.MEMORY, memory(spec));
        put(metadata, AppEventDataTag.PLACEMENT_POLICY, placement(spec));
        put(metadata, AppEventDataTag.PORTS, specPorts(spec.exposedPorts()));
        put(metadata, AppEventDataTag.VHOST, spec.exposureSpec() == null ? null : spec.exposureSpec().vhost());
        put(metadata, AppEventDataTag.CURRENT_INSTANCES, application.instances());
        put(metadata, AppEventDataTag.CURRENT_STATE, state);
        return AppStateChangeEvent.of(metadata);
    }

    /** INSTANCE_STATE_CHANGE: the instance as stored after the change. */
    public static InstanceStateChangeEvent instanceStateChanged(InstanceInfo instance) {
        var metadata = new EnumMap<InstanceEventDataTag, Object>(InstanceEventDataTag.class);
        put(metadata, InstanceEventDataTag.APP_ID, instance.appId());
        put(metadata, InstanceEventDataTag.INSTANCE_ID, instance.instanceId());
        put(metadata, InstanceEventDataTag.APP_NAME, instance.appName());
        put(metadata, InstanceEventDataTag.EXECUTOR_ID, instance.executorId());
        put(metadata, InstanceEventDataTag.EXECUTOR_HOST, host(instance.localInfo()));
        put(metadata, InstanceEventDataTag.PORTS, boundPorts(instance.localInfo()));
        put(metadata, InstanceEventDataTag.CURRENT_STATE, instance.state());
        put(metadata, InstanceEventDataTag.ERROR, error(instance.errorMessage()));
        put(metadata, InstanceEventDataTag.CREATED, millis(instance.created()));
        return InstanceStateChangeEvent.of(metadata);
    }

    /** TASK_STATE_CHANGE: the task run as stored after the change; its result once it has one. */
    public static TaskStateChangeEvent taskStateChanged(TaskInfo task) {
        var metadata = new EnumMap<TaskEventDataTag, Object>(TaskEventDataTag.class);
        put(metadata, TaskEventDataTag.TASK_ID, task.taskId());
        put(metadata, TaskEventDataTag.INSTANCE_ID, task.instanceId());
        put(metadata, TaskEventDataTag.APP_NAME, task.sourceAppName());
        put(metadata, TaskEventDataTag.EXECUTOR_ID, task.executorId());
        put(metadata, TaskEventDataTag.EXECUTOR_HOST, task.hostname());
        put(metadata, TaskEventDataTag.EXECUTABLE, executable(task.executable()));
        put(metadata, TaskEventDataTag.CURRENT_STATE, task.state());
        put(metadata, TaskEventDataTag.ERROR, error(task.errorMessage()));
        put(metadata, TaskEventDataTag.CREATED, millis(task.created()));
        if (task.taskResult() != null) {
            put(metadata, TaskEventDataTag.RESULT_STATUS, task.taskResult().status());
            put(metadata, TaskEventDataTag.RESULT_EXIT_CODE, task.taskResult().exitCode());
        }
        return TaskStateChangeEvent.of(metadata);
    }

    /** LOCAL_SERVICE_STATE_CHANGE: the service as stored, now in {@code state}. */
    public static LocalServiceStateChangeEvent serviceStateChanged(LocalServiceInfo service, LocalServiceState state) {
        var spec = service.spec();
        var metadata = new EnumMap<LocalServiceEventDataTag, Object>(LocalServiceEventDataTag.class);
        put(metadata, LocalServiceEventDataTag.LOCAL_SERVICE_ID, service.serviceId());
        put(metadata, LocalServiceEventDataTag.LOCAL_SERVICE_NAME, spec.name());
        put(metadata, LocalServiceEventDataTag.LOCAL_SERVICE_VERSION, spec.version());
        put(metadata, LocalServiceEventDataTag.EXECUTABLE, executable(spec.executable()));
        put(metadata, LocalServiceEventDataTag.CPU_COUNT, cpus(spec));
        put(metadata, LocalServiceEventDataTag.MEMORY, memory(spec));
        put(metadata, LocalServiceEventDataTag.PLACEMENT_POLICY, placement(spec));
        put(metadata, LocalServiceEventDataTag.PORTS, specPorts(spec.exposedPorts()));
        put(metadata, LocalServiceEventDataTag.CURRENT_INSTANCES_PER_HOST, service.instancesPerHost());
        put(metadata, LocalServiceEventDataTag.CURRENT_STATE, state);
        return LocalServiceStateChangeEvent.of(metadata);
    }

    /** LOCAL_SERVICE_INSTANCE_STATE_CHANGE: the instance as stored after the change. */
    public static LocalServiceInstanceStateChangeEvent serviceInstanceStateChanged(LocalServiceInstanceInfo instance) {
        var metadata = new EnumMap<LocalServiceInstanceEventDataTag, Object>(LocalServiceInstanceEventDataTag.class);
        put(metadata, LocalServiceInstanceEventDataTag.SERVICE_ID, instance.serviceId());
        put(metadata, LocalServiceInstanceEventDataTag.INSTANCE_ID, instance.instanceId());
        put(metadata, LocalServiceInstanceEventDataTag.SERVICE_NAME, instance.serviceName());
        put(metadata, LocalServiceInstanceEventDataTag.EXECUTOR_ID, instance.executorId());
        put(metadata, LocalServiceInstanceEventDataTag.EXECUTOR_HOST, host(instance.localInfo()));
        put(metadata, LocalServiceInstanceEventDataTag.PORTS, boundPorts(instance.localInfo()));
        put(metadata, LocalServiceInstanceEventDataTag.CURRENT_STATE, instance.state());
        put(metadata, LocalServiceInstanceEventDataTag.ERROR, error(instance.errorMessage()));
        put(metadata, LocalServiceInstanceEventDataTag.CREATED, millis(instance.created()));
        return LocalServiceInstanceStateChangeEvent.of(metadata);
    }

    /** One of the EXECUTOR_* events about the executor that published {@code executor}. */
    public static ExecutorEvent executorEvent(DroveEventType type, ExecutorNodeData executor) {
        var metadata = new EnumMap<ExecutorEventDataTag, Object>(ExecutorEventDataTag.class);
        put(metadata, ExecutorEventDataTag.EXECUTOR_ID, executor.state() == null ? null
                : executor.state().executorId());
        put(metadata, ExecutorEventDataTag.HOSTNAME, executor.hostname());
        put(metadata, ExecutorEventDataTag.PORT, executor.port());
        put(metadata, ExecutorEventDataTag.BLACKLISTED, executor.executorState().isBlacklisted());
        return ExecutorEvent.of(type, metadata);
    }

    /** One of the EXECUTOR_* events when only the executor's id is known. */
    public static ExecutorEvent executorEvent(DroveEventType type, String executorId, String hostname, int port,
                                              boolean blacklisted) {
        var metadata = new EnumMap<ExecutorEventDataTag, Object>(ExecutorEventDataTag.class);
        put(metadata, ExecutorEventDataTag.EXECUTOR_ID, executorId);
        put(metadata, ExecutorEventDataTag.HOSTNAME, hostname);
        put(metadata, ExecutorEventDataTag.PORT, port > 0 ? port : null);
        put(metadata, ExecutorEventDataTag.BLACKLISTED, blacklisted);
        return ExecutorEvent.of(type, metadata);
    }

    /** MAINTENANCE_MODE_SET|REMOVED or LEADERSHIP_ACQUIRED|LOST, raised by the controller on {@code hostname}. */
    public static ClusterEvent clusterEvent(DroveEventType type, String hostname) {
        var metadata = new EnumMap<ClusterEventDataTag, Object>(ClusterEventDataTag.class);
        put(metadata, ClusterEventDataTag.HOSTNAME, hostname);
        return ClusterEvent.of(type, metadata);
    }

    private static <K extends Enum<K>> void put(Map<K, Object> metadata, K key, Object value) {
        if (value != null) {
            metadata.put(key, value instanceof Enum<?> constant ? constant.name() : value);
        }
    }

    private static String executable(ExecutableCoordinates executable) {
        return executable instanceof DockerCoordinates docker ? docker.url() : null;
    }

    private static Integer cpus(ContainerSpec spec) {
        return spec.resources() == null ? null : spec.resources().stream()
                .filter(CPURequirement.class::isInstance).mapToInt(r -> ((CPURequirement) r).count()).sum();
    }

    private static Long memory(ContainerSpec spec) {
        return spec.resources() == null ? null : spec.resources().stream()
                .filter(MemoryRequirement.class::isInstance).mapToLong(r -> ((MemoryRequirement) r).sizeInMB())
                .sum();
    }

    /** The policy's JSON {@code type}, as the mapper writes it (ANY, MATCH_TAG, ...). */
    private static String placement(ContainerSpec spec) {
        if (spec.placementPolicy() == null) {
            return null;
        }
        var type = Json.mapper().valueToTree(spec.placementPolicy()).get("type");
        return type == null ? null : type.asText();
    }

    private static String specPorts(List<PortSpec> ports) {
        return ports == null || ports.isEmpty() ? null : ports.stream()
                .map(port -> port.name() + ":" + port.port() + ":" + lower(port.type()))
                .collect(Collectors.joining(","));
    }

    private static String boundPorts(LocalInstanceInfo local) {
        return local == null || local.ports().isEmpty() ? null : local.ports().entrySet().stream()
                .map(port -> port.getKey() + ":" + port.getValue().hostPort() + ":"
                        + lower(port.getValue().portType()))
                .collect(Collectors.joining(","));
    }

    private static String host(LocalInstanceInfo local) {
        return local == null ? null : local.hostname();
    }

    private static String lower(Enum<?> type) {
        return type == null ? "" : type.name().toLowerCase(Locale.ROOT);
    }

    private static String error(String message) {
        return message == null || message.isBlank() ? null : message;
    }

    private static Long millis(Date date) {
        return date == null ? null : date.getTime();
    }
}
