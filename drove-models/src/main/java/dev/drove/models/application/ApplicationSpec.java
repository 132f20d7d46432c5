package dev.drove.models.application;

import dev.drove.models.application.checks.CheckSpec;
import dev.drove.models.application.devices.DeviceSpec;
import dev.drove.models.application.executable.ExecutableCoordinates;
import dev.drove.models.application.exposure.ExposureSpec;
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
 * A version of a long-running service (docs: applications/specification.md; contract §2.2). One spec is one
 * application, identified by {@link #appId()}; a new version is a new application.
 *
 * <p>Absent optional parts get defaults: no volumes, configs, tags, env, args or devices; {@code ANY} placement;
 * {@code LOCAL} logging (10m, 3 files, compressed); no pre-shutdown hooks. Rules across fields (one CPU and one
 * MEMORY requirement, unique ports, checks and exposure naming existing ports, {@code type} SERVICE, no LOCAL
 * placement) are reported by {@link #problems()}.
 */
@CrossChecked
public record ApplicationSpec(
        @NotEmpty @Pattern(regexp = NAME_PATTERN, message = NAME_MESSAGE) String name,
        @NotEmpty @Pattern(regexp = NAME_PATTERN, message = NAME_MESSAGE) String version,
        @NotNull @Valid ExecutableCoordinates executable,
        @NotEmpty List<@Valid PortSpec> exposedPorts,
        List<@Valid MountedVolume> volumes,
        List<@Valid ConfigSpec> configs,
        @NotNull JobType type,
        @Valid LoggingSpec logging,
        @NotEmpty List<@Valid ResourceRequirement> resources,
        @Valid PlacementPolicy placementPolicy,
        @NotNull @Valid CheckSpec healthcheck,
        @NotNull @Valid CheckSpec readiness,
        Map<String, String> tags,
        Map<String, String> env,
        @Size(max = MAX_ARGS, message = "must have at most " + MAX_ARGS + " entries") List<String> args,
        List<@Valid DeviceSpec> devices,
        @Valid ExposureSpec exposureSpec,
        @Valid PreShutdownSpec preShutdown,
        @Valid UserSpec userSpec) implements ServiceSpec, SelfChecking {

    /** What names, versions, port names and task ids may contain (contract §2.2). */
    public static final String NAME_PATTERN = "[a-zA-Z\\d\\-_]*";
    public static final String NAME_MESSAGE = "must contain only letters, digits, '-' and '_'";

    public ApplicationSpec {
        exposedPorts = exposedPorts == null ? null : List.copyOf(exposedPorts);
        volumes = volumes == null ? List.of() : List.copyOf(volumes);
        configs = configs == null ? List.of() : List.copyOf(configs);
        logging = logging == null ? LocalLoggingSpec.DEFAULT : logging;
        resources = resources == null ? null : List.copyOf(resources);
        placementPolicy = placementPolicy == null ? PlacementPolicy.DEFAULT : placementPolicy;
        tags = tags == null ? Map.of() : Map.copyOf(tags);
        env = env == null ? Map.of() : Map.copyOf(env);
        args = args == null ? List.of() : List.copyOf(args);
        devices = devices == null ? List.of() : List.copyOf(devices);
        preShutdown = preShutdown == null ? PreShutdownSpec.DEFAULT : preShutdown;
    }

    /** The application id: {@code name-version}, such as {@code TEST_APP-1} (docs: applications/index.md). */
    public String appId() {
        return appId(name, version);
    }

    public static String appId(String name, String version) {
        return name + "-" + version;
    }

    @Override
    public List<Problem> problems() {
        var problems = serviceProblems();
        if (type != null && type != JobType.SERVICE) {
            problems.add(Problem.at("type", "must be SERVICE for an application, not %s", type));
        }
        if (exposureSpec != null) {
            ServiceSpec.namedPort(problems, "exposureSpec.portName", exposureSpec.portName(), portNames());
        }
        problems.addAll(ContainerSpec.notLocal(placementPolicy, "an application"));
        return problems;
    }
}
