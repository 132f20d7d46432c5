package dev.drove.common.messages;

import dev.drove.models.application.MountedVolume;
import dev.drove.models.application.PortSpec;
import dev.drove.models.application.PreShutdownSpec;
import dev.drove.models.application.checks.CheckSpec;
import dev.drove.models.application.devices.DeviceSpec;
import dev.drove.models.application.executable.ExecutableCoordinates;
import dev.drove.models.application.logging.LocalLoggingSpec;
import dev.drove.models.application.logging.LoggingSpec;
import dev.drove.models.application.nonroot.UserSpec;
import dev.drove.models.application.placement.LocalPlacement;
import dev.drove.models.config.ConfigSpec;
import dev.drove.models.info.resources.ResourceAllocation;
import dev.drove.models.localservice.LocalServiceSpec;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One local service instance to start: the {@code spec} of a {@code START_LOCAL_SERVICE_INSTANCE} message
 * (contract §4). The fields of an {@link ApplicationInstanceSpec} with the service's id and name, plus
 * {@code hostLevelInstance}: whether the service's {@code LOCAL} placement asked for host-level instances.
 */
public record LocalServiceInstanceSpec(String serviceId,
                                       String serviceName,
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
                                       String instanceAuthToken,
                                       boolean hostLevelInstance) implements ServiceInstanceSpec {
    public LocalServiceInstanceSpec {
        Objects.requireNonNull(serviceId, "serviceId is required");
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
     * The instance {@code instanceId} of {@code spec}, pinned to {@code resources}; {@code configs} replace the
     * spec's own (HTTP fetches inlined). Host-level when the spec's placement is {@code LOCAL} with {@code hostLevel}.
     */
    public static LocalServiceInstanceSpec from(LocalServiceSpec spec, String instanceId,
                                                List<ResourceAllocation> resources, List<ConfigSpec> configs,
                                                String instanceAuthToken) {
        var hostLevel = spec.placementPolicy() instanceof LocalPlacement local && local.hostLevel();
        return new LocalServiceInstanceSpec(spec.serviceId(), spec.name(), instanceId, spec.executable(), resources,
                spec.exposedPorts(), spec.volumes(), configs, spec.healthcheck(), spec.readiness(), spec.logging(),
                spec.env(), spec.args(), spec.devices(), spec.preShutdown(), spec.userSpec(), instanceAuthToken,
                hostLevel);
    }

    /** Names the instance without its configs or token, which may hold secrets. */
    @Override
    public String toString() {
        return "LocalServiceInstanceSpec[serviceId=" + serviceId + ", instanceId=" + instanceId + ", executable="
                + executable + ", hostLevelInstance=" + hostLevelInstance + "]";
    }
}
