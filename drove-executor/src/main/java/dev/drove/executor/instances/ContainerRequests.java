package dev.drove.executor.instances;

import dev.drove.common.messages.InstanceSpec;
import dev.drove.executor.engine.ContainerLogging;
import dev.drove.executor.engine.ContainerRequest;
import dev.drove.executor.topology.ExecutorResources;
import dev.drove.executor.topology.ResourceConfig;
import dev.drove.models.application.MountedVolume;
import dev.drove.models.application.PortType;
import dev.drove.models.application.devices.DetailedDeviceSpec;
import dev.drove.models.application.devices.DeviceSpec;
import dev.drove.models.application.devices.DirectDeviceSpec;
import dev.drove.models.application.logging.LocalLoggingSpec;
import dev.drove.models.application.logging.LoggingSpec;
import dev.drove.models.application.logging.RsyslogLoggingSpec;
import dev.drove.models.info.resources.CPUAllocation;
import dev.drove.models.info.resources.MemoryAllocation;
import dev.drove.models.info.resources.ResourceAllocation;
import dev.drove.models.instance.InstancePort;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

/**
 * Turns an instance into the container the engine runs (contract §3, "Docker HostConfig"): its name; cpuset-cpus =
 * the physical CPUs behind the allocated cores; cpuset-mems = the allocated memory's NUMA nodes when containers are
 * NUMA-pinned; memory = the allocated megabytes; the {@link InstanceEnvironment}; ports, volumes, devices (and every
 * GPU with {@code enableNvidiaGpu}); the user; the log driver ({@code LOCAL} → json-file, {@code RSYSLOG} → syslog
 * tagged {@code tagPrefix + instanceId + tagSuffix}); args as {@code Cmd}; the config files; the
 * {@link ContainerLabels}.
 */
final class ContainerRequests {
    private final ExecutorResources resources;
    private final ResourceConfig resourceConfig;
    private final ConfigFiles configFiles;
    private final InstanceEnvironment environment;

    @Inject
    ContainerRequests(ExecutorResources resources, ResourceConfig resourceConfig, ConfigFiles configFiles) {
        this(resources, resourceConfig, configFiles, new InstanceEnvironment(System::getenv));
    }

    ContainerRequests(ExecutorResources resources, ResourceConfig resourceConfig, ConfigFiles configFiles,
                      InstanceEnvironment environment) {
        this.resources = resources;
        this.resourceConfig = resourceConfig;
        this.configFiles = configFiles;
        this.environment = environment;
    }

    /**
     * The container of {@code instance} with these bound ports (in the spec's order).
     *
     * @throws ConfigFileException when a config file cannot be produced
     */
    ContainerRequest of(TrackedInstance<?> instance, Collection<InstancePort> ports) throws ConfigFileException {
        InstanceSpec spec = instance.spec();
        ContainerRequest.Builder request = ContainerRequest.builder(instance.containerName(), instance.image())
                .pullTimeout(instance.pullTimeout())
                .cpusetCpus(resources.physicalCoresOf(cores(spec.resources())))
                .memoryMB(memoryMB(spec.resources()))
                .env(environment.of(spec, instance.executor().hostname(), instance.image(), ports))
                .args(spec.args())
                .logging(logging(spec.loggingSpec(), instance.instanceId()))
                .gpus(resourceConfig.enableNvidiaGpu())
                .labels(ContainerLabels.of(instance));
        if (resources.isNumaPinned()) {
            request.cpusetMems(memoryNodes(spec.resources()));
        }
        ports.forEach(port -> request.port(port.containerPort(), port.hostPort(),
                port.portType() == PortType.UDP ? ContainerRequest.Protocol.UDP : ContainerRequest.Protocol.TCP));
        for (MountedVolume volume : spec.volumes()) {
            request.volume(volume.pathOnHost(), volume.pathInContainer(),
                    volume.mode() == MountedVolume.MountMode.READ_ONLY);
        }
        spec.devices().forEach(device -> addDevice(request, device));
        if (spec.userSpec() != null) {
            request.user(spec.userSpec().dockerUser());
        }
        configFiles.contentOf(spec.configs()).forEach(request::file);
        return request.build();
    }

    private static List<Integer> cores(List<ResourceAllocation> allocations) {
        List<Integer> cores = new ArrayList<>();
        allocations.stream().filter(CPUAllocation.class::isInstance).map(CPUAllocation.class::cast)
                .forEach(cpu -> cpu.cores().values().forEach(cores::addAll));
        return cores;
    }

    private static long memoryMB(List<ResourceAllocation> allocations) {
        return allocations.stream().filter(MemoryAllocation.class::isInstance).map(MemoryAllocation.class::cast)
                .mapToLong(MemoryAllocation::totalMB).sum();
    }

    private static TreeSet<Integer> memoryNodes(List<ResourceAllocation> allocations) {
        TreeSet<Integer> nodes = new TreeSet<>();
        allocations.stream().filter(MemoryAllocation.class::isInstance).map(MemoryAllocation.class::cast)
                .forEach(memory -> nodes.addAll(memory.memoryInMB().keySet()));
        return nodes;
    }

    private static void addDevice(ContainerRequest.Builder request, DeviceSpec device) {
        if (device instanceof DirectDeviceSpec direct) {
            request.device(direct.pathOnHost(), direct.pathInContainer(), direct.permissions().cgroup());
            return;
        }
        if (device instanceof DetailedDeviceSpec detailed) {
            request.deviceRequest(new ContainerRequest.DeviceRequest(detailed.driver(),
                    detailed.count() == null ? 0 : detailed.count(), detailed.deviceIds(), detailed.capabilities(),
                    detailed.options()));
            return;
        }
        throw new IllegalArgumentException("No container mapping for device " + device);
    }

    static ContainerLogging logging(LoggingSpec spec, String instanceId) {
        if (spec instanceof LocalLoggingSpec local) {
            return new ContainerLogging.JsonFile(local.maxSize(), local.maxFiles(), local.compress());
        }
        if (spec instanceof RsyslogLoggingSpec syslog) {
            return new ContainerLogging.Syslog(syslog.server(),
                    text(syslog.tagPrefix()) + instanceId + text(syslog.tagSuffix()));
        }
        throw new IllegalArgumentException("No log driver for logging spec " + spec);
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }
}
