package dev.drove.common.messages;

import dev.drove.models.application.ApplicationSpec;
import dev.drove.models.application.MountedVolume;
import dev.drove.models.application.PortSpec;
import dev.drove.models.application.PreShutdownSpec;
import dev.drove.models.application.checks.CheckSpec;
import dev.drove.models.application.devices.DeviceSpec;
import dev.drove.models.application.executable.ExecutableCoordinates;
import dev.drove.models.application.logging.LocalLoggingSpec;
import dev.drove.models.application.logging.LoggingSpec;
import dev.drove.models.application.nonroot.UserSpec;
import dev.drove.models.config.ConfigSpec;
import dev.drove.models.info.resources.ResourceAllocation;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One application instance to start: the {@code spec} of a {@code START_INSTANCE} message (contract §4). Absent lists
 * read as empty, absent logging as {@link LocalLoggingSpec#DEFAULT}, absent pre-shutdown as none.
 */
public record ApplicationInstanceSpec(String appId,
                                      String appName,
                                      String instanceId,
                                      ExecutableCoordinates executable,
                                      List<ResourceAllocation> resources,
                                      List<PortSpec> ports,
                                      List<MountedVolume> volumes,
                                      List<ConfigSpec> configs,
                                      CheckSpec healthcheck,
                                      CheckSpec readiness,
                                      LoggingSpec loggingSpec,
                                      Map<String, String> env,
                                      List<String> args,
                                      List<DeviceSpec> devices,
                                      PreShutdownSpec preShutdown,
                                      UserSpec userSpec,
                                      String instanceAuthToken) implements ServiceInstanceSpec {
    public ApplicationInstanceSpec {
        Objects.requireNonNull(appId, "appId is required");
        Objects.requireNonNull(instanceId, "instanceId is required");
        Objects.requireNonNull(executable, "executable is required");
        resources = resources == null ? List.of() : List.copyOf(resources);
        ports = ports == null ? List.of() : List.copyOf(ports);
        volumes = volumes == null ? List.of() : List.copyOf(volumes);
        configs = configs == null ? List.of() : List.copyOf(configs);
        loggingSpec = loggingSpec == null ? LocalLoggingSpec.DEFAULT : loggingSpec;
        env = env == null ? Map.of() : Map.copyOf(env);
        args = args == null ? List.of() : List.copyOf(args);
        devices = devices == null ? List.of() : List.copyOf(devices);
        preShutdown = preShutdown == null ? PreShutdownSpec.DEFAULT : preShutdown;
    }

    /**
     * The instance {@code instanceId} of {@code spec}, pinned to {@code resources}. {@code configs} replace the spec's
     * own: the controller passes them with its HTTP fetches already inlined.
     */
    public static ApplicationInstanceSpec from(ApplicationSpec spec, String instanceId,
                                               List<ResourceAllocation> resources, List<ConfigSpec> configs,
                                               String instanceAuthToken) {
        return new ApplicationInstanceSpec(spec.appId(), spec.name(), instanceId, spec.executable(), resources,
                spec.exposedPorts(), spec.volumes(), configs, spec.healthcheck(), spec.readiness(), spec.logging(),
                spec.env(), spec.args(), spec.devices(), spec.preShutdown(), spec.userSpec(), instanceAuthToken);
    }

    /** Names the instance without its configs or token, which may hold secrets. */
    @Override
    public String toString() {
        return "ApplicationInstanceSpec[appId=" + appId + ", instanceId=" + instanceId + ", executable=" + executable
                + "]";
    }
}
