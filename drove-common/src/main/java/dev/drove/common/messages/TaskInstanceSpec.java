package dev.drove.common.messages;

import dev.drove.models.application.MountedVolume;
import dev.drove.models.application.devices.DeviceSpec;
import dev.drove.models.application.executable.ExecutableCoordinates;
import dev.drove.models.application.logging.LocalLoggingSpec;
import dev.drove.models.application.logging.LoggingSpec;
import dev.drove.models.application.nonroot.UserSpec;
import dev.drove.models.config.ConfigSpec;
import dev.drove.models.info.resources.ResourceAllocation;
import dev.drove.models.task.TaskSpec;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One run of a task to start: the {@code spec} of a {@code START_TASK} message (contract §4). A task has no ports,
 * checks or pre-shutdown hooks; it runs until its container exits.
 */
public record TaskInstanceSpec(String taskId,
                               String sourceAppName,
                               String instanceId,
                               ExecutableCoordinates executable,
                               List<ResourceAllocation> resources,
                               List<MountedVolume> volumes,
                               List<ConfigSpec> configs,
                               LoggingSpec loggingSpec,
                               Map<String, String> env,
                               List<String> args,
                               List<DeviceSpec> devices,
                               UserSpec userSpec,
                               String instanceAuthToken) implements InstanceSpec {
    public TaskInstanceSpec {
        Objects.requireNonNull(taskId, "taskId is required");
        Objects.requireNonNull(sourceAppName, "sourceAppName is required");
        Objects.requireNonNull(instanceId, "instanceId is required");
        Objects.requireNonNull(executable, "executable is required");
        resources = resources == null ? List.of() : List.copyOf(resources);
        volumes = volumes == null ? List.of() : List.copyOf(volumes);
        configs = configs == null ? List.of() : List.copyOf(configs);
        loggingSpec = loggingSpec == null ? LocalLoggingSpec.DEFAULT : loggingSpec;
        env = env == null ? Map.of() : Map.copyOf(env);
        args = args == null ? List.of() : List.copyOf(args);
        devices = devices == null ? List.of() : List.copyOf(devices);
    }

    /** The run {@code instanceId} of {@code spec}, pinned to {@code resources}; {@code configs} replace the spec's. */
    public static TaskInstanceSpec from(TaskSpec spec, String instanceId, List<ResourceAllocation> resources,
                                        List<ConfigSpec> configs, String instanceAuthToken) {
        return new TaskInstanceSpec(spec.taskId(), spec.sourceAppName(), instanceId, spec.executable(), resources,
                spec.volumes(), configs, spec.logging(), spec.env(), spec.args(), spec.devices(), spec.userSpec(),
                instanceAuthToken);
    }

    /** Names the run without its configs or token, which may hold secrets. */
    @Override
    public String toString() {
        return "TaskInstanceSpec[sourceAppName=" + sourceAppName + ", taskId=" + taskId + ", instanceId=" + instanceId
                + ", executable=" + executable + "]";
    }
}
