package dev.drove.models.taskinstance;

import dev.drove.models.application.MountedVolume;
import dev.drove.models.application.executable.ExecutableCoordinates;
import dev.drove.models.application.logging.LoggingSpec;
import dev.drove.models.info.resources.ResourceAllocation;
import dev.drove.models.task.TaskSpec;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;

import java.util.Date;
import java.util.List;
import java.util.Map;

/**
 * One run of a task as its executor reports it and the controllers store it (in ZooKeeper under
 * {@code /tasks/{sourceAppName}/{taskId}}; docs: apis/task.md).
 *
 * @param instanceId   {@code TI-<uuid>}, one per run
 * @param resources    the cores and memory pinned to the container, per NUMA node
 * @param metadata     free-form data about the run
 * @param taskResult   how it ended; absent until it has
 * @param errorMessage why it failed; empty when it did not
 */
public record TaskInfo(
        @NotEmpty String sourceAppName,
        @NotEmpty String taskId,
        @NotEmpty String instanceId,
        String executorId,
        String hostname,
        ExecutableCoordinates executable,
        List<ResourceAllocation> resources,
        List<MountedVolume> volumes,
        LoggingSpec loggingSpec,
        Map<String, String> env,
        @NotNull TaskState state,
        Map<String, Object> metadata,
        TaskResult taskResult,
        String errorMessage,
        Date created,
        Date updated) {

    public TaskInfo {
        resources = resources == null ? List.of() : List.copyOf(resources);
        volumes = volumes == null ? List.of() : List.copyOf(volumes);
        env = env == null ? Map.of() : Map.copyOf(env);
        metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
    }

    /** {@code sourceAppName-taskId}, as {@link TaskSpec#qualifiedTaskId()}. */
    public String qualifiedTaskId() {
        return TaskSpec.qualifiedTaskId(sourceAppName, taskId);
    }

    /** The same run in {@code next} state, updated at {@code now}. */
    public TaskInfo withState(TaskState next, TaskResult result, String error, Date now) {
        return new TaskInfo(sourceAppName, taskId, instanceId, executorId, hostname, executable, resources, volumes,
                loggingSpec, env, next, metadata, result, error, created, now);
    }
}
