package dev.drove.models.task;

import dev.drove.models.application.ApplicationSpec;
import dev.drove.models.application.ContainerSpec;
import dev.drove.models.application.MountedVolume;
import dev.drove.models.application.devices.DeviceSpec;
import dev.drove.models.application.executable.ExecutableCoordinates;
import dev.drove.models.application.logging.LocalLoggingSpec;
import dev.drove.models.application.logging.LoggingSpec;
import dev.drove.models.application.nonroot.UserSpec;
import dev.drove.models.application.placement.PlacementPolicy;
import dev.drove.models.application.requirements.ResourceRequirement;
import dev.drove.models.config.ConfigSpec;
import dev.drove.models.validation.CrossChecked;
import dev.drove.models.validation.Problem;
import dev.drove.models.validation.SelfChecking;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.List;
import java.util.Map;

/**
 * A run-to-completion container started on behalf of an application (docs: tasks/specification.md; contract §2.6).
 * A task is identified by {@code {sourceAppName, taskId}}; the id is unique only within its source application.
 *
 * <p>Defaults as for applications: no volumes, configs, tags, env, args or devices; {@code ANY} placement;
 * {@code LOCAL} logging. A task needs exactly one CPU and one MEMORY requirement and may not use LOCAL placement.
 *
 * @param sourceAppName the {@code name} (not the id) of the application that starts the task; stale task metadata
 *                      is cleaned up per application, so it must name a real one
 */
@CrossChecked
public record TaskSpec(
        @NotEmpty @Pattern(regexp = ApplicationSpec.NAME_PATTERN, message = ApplicationSpec.NAME_MESSAGE)
        String sourceAppName,
        @NotEmpty @Pattern(regexp = ApplicationSpec.NAME_PATTERN, message = ApplicationSpec.NAME_MESSAGE)
        String taskId,
        @NotNull @Valid ExecutableCoordinates executable,
        List<@Valid MountedVolume> volumes,
        List<@Valid ConfigSpec> configs,
        @Valid LoggingSpec logging,
        @NotEmpty List<@Valid ResourceRequirement> resources,
        @Valid PlacementPolicy placementPolicy,
        Map<String, String> tags,
        Map<String, String> env,
        @Size(max = MAX_ARGS, message = "must have at most " + MAX_ARGS + " entries") List<String> args,
        List<@Valid DeviceSpec> devices,
        @Valid UserSpec userSpec) implements ContainerSpec, SelfChecking {

    public TaskSpec {
        volumes = volumes == null ? List.of() : List.copyOf(volumes);
        configs = configs == null ? List.of() : List.copyOf(configs);
        logging = logging == null ? LocalLoggingSpec.DEFAULT : logging;
        resources = resources == null ? null : List.copyOf(resources);
        placementPolicy = placementPolicy == null ? PlacementPolicy.DEFAULT : placementPolicy;
        tags = tags == null ? Map.of() : Map.copyOf(tags);
        env = env == null ? Map.of() : Map.copyOf(env);
        args = args == null ? List.of() : List.copyOf(args);
        devices = devices == null ? List.of() : List.copyOf(devices);
    }

    /**
     * The cluster-wide id of this task, {@code sourceAppName-taskId} (such as {@code TEST_APP-T0012}), as answered
     * when the task is created (docs: tasks/operations.md).
     */
    public String qualifiedTaskId() {
        return qualifiedTaskId(sourceAppName, taskId);
    }

    public static String qualifiedTaskId(String sourceAppName, String taskId) {
        return sourceAppName + "-" + taskId;
    }

    @Override
    public List<Problem> problems() {
        var problems = containerProblems();
        problems.addAll(ContainerSpec.notLocal(placementPolicy, "a task"));
        return problems;
    }
}
