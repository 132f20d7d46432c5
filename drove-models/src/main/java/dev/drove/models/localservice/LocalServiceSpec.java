package dev.drove.models.localservice;

import dev.drove.models.application.ApplicationSpec;
import dev.drove.models.application.JobType;
import dev.drove.models.application.MountedVolume;
import dev.drove.models.application.PortSpec;
import dev.drove.models.application.PreShutdownSpec;
import dev.drove.models.application.ServiceSpec;
import dev.drove.models.application.checks.CheckSpec;
import dev.drove.models.application.devices.DeviceSpec;
import dev.drove.models.application.executable.ExecutableCoordinates;
import dev.drove.models.application.logging.LocalLoggingSpec;
import dev.drove.models.application.logging.LoggingSpec;
import dev.drove.models.application.nonroot.UserSpec;
import dev.drove.models.application.placement.LocalPlacement;
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
 * A service that runs a fixed number of instances on every eligible executor (contract §2.6): the fields of an
 * {@link ApplicationSpec} without {@code exposureSpec}. Its placement must be {@code LOCAL} (absent means
 * {@code LOCAL} with {@code hostLevel} false) and its {@code type} {@code LOCAL_SERVICE}.
 */
@CrossChecked
public record LocalServiceSpec(
        @NotEmpty @Pattern(regexp = ApplicationSpec.NAME_PATTERN, message = ApplicationSpec.NAME_MESSAGE) String name,
        @NotEmpty @Pattern(regexp = ApplicationSpec.NAME_PATTERN, message = ApplicationSpec.NAME_MESSAGE)
        String version,
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
        @Valid PreShutdownSpec preShutdown,
        @Valid UserSpec userSpec) implements ServiceSpec, SelfChecking {

    public LocalServiceSpec {
        exposedPorts = exposedPorts == null ? null : List.copyOf(exposedPorts);
        volumes = volumes == null ? List.of() : List.copyOf(volumes);
        configs = configs == null ? List.of() : List.copyOf(configs);
        logging = logging == null ? LocalLoggingSpec.DEFAULT : logging;
        resources = resources == null ? null : List.copyOf(resources);
        placementPolicy = placementPolicy == null ? new LocalPlacement(false) : placementPolicy;
        tags = tags == null ? Map.of() : Map.copyOf(tags);
        env = env == null ? Map.of() : Map.copyOf(env);
        args = args == null ? List.of() : List.copyOf(args);
        devices = devices == null ? List.of() : List.copyOf(devices);
        preShutdown = preShutdown == null ? PreShutdownSpec.DEFAULT : preShutdown;
    }

    /** The service id: {@code name-version}, formed as an application id is. */
    public String serviceId() {
        return ApplicationSpec.appId(name, version);
    }

    @Override
    public List<Problem> problems() {
        var problems = serviceProblems();
        if (type != null && type != JobType.LOCAL_SERVICE) {
            problems.add(Problem.at("type", "must be LOCAL_SERVICE for a local service, not %s", type));
        }
        if (!(placementPolicy instanceof LocalPlacement)) {
            problems.add(Problem.at("placementPolicy", "must be LOCAL for a local service, not %s",
                    PlacementPolicy.typeName(placementPolicy)));
        }
        return problems;
    }
}
