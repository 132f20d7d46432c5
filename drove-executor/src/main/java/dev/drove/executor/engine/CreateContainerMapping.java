package dev.drove.executor.engine;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.CreateContainerCmd;
import com.github.dockerjava.api.model.AccessMode;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.Device;
import com.github.dockerjava.api.model.DeviceRequest;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.InternetProtocol;
import com.github.dockerjava.api.model.PortBinding;
import com.github.dockerjava.api.model.Ports;
import com.github.dockerjava.api.model.Ulimit;
import com.github.dockerjava.api.model.Volume;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Turns a {@link ContainerRequest} into the engine's create command (drove-contract.md §3, "Docker HostConfig"):
 * <ul>
 *     <li>{@code CpusetCpus}/{@code CpusetMems}: comma lists, omitted when empty; no CPU quota or shares;</li>
 *     <li>{@code Memory}: {@code memoryMB × 2²⁰} bytes;</li>
 *     <li>{@code Ulimits}: {@code nofile} soft = hard = the request's limit or {@code options.maxOpenFiles};</li>
 *     <li>port bindings on all interfaces; UDP ports are bound as UDP (the original binds them as TCP);</li>
 *     <li>binds, devices, device requests ({@code gpus} adds "all GPUs"), the log driver, labels, env, user and
 *     {@code Cmd} = args.</li>
 * </ul>
 * {@code CpuCount} is not set: the engine honours it only on Windows.
 */
final class CreateContainerMapping {

    private CreateContainerMapping() {
    }

    /** The create command for this request, not yet sent. */
    static CreateContainerCmd of(DockerClient docker, ContainerRequest request, ExecutorOptions options) {
        CreateContainerCmd create = docker.createContainerCmd(request.image())
                .withName(request.name())
                .withLabels(request.labels())
                .withEnv(env(request))
                .withExposedPorts(request.ports().stream().map(CreateContainerMapping::exposed).toList())
                .withHostConfig(hostConfig(request, options));
        if (!request.args().isEmpty()) {
            create.withCmd(request.args());
        }
        if (request.user() != null) {
            create.withUser(request.user());
        }
        return create;
    }

    static List<String> env(ContainerRequest request) {
        return request.env().entrySet().stream()
                .map(variable -> variable.getKey() + "=" + (variable.getValue() == null ? "" : variable.getValue()))
                .toList();
    }

    static HostConfig hostConfig(ContainerRequest request, ExecutorOptions options) {
        long nofile = request.maxOpenFiles() == null ? options.maxOpenFiles() : request.maxOpenFiles();
        HostConfig host = HostConfig.newHostConfig()
                .withMemory(request.memoryMB() * 1024L * 1024L)
                .withUlimits(List.of(new Ulimit("nofile", nofile, nofile)))
                .withPortBindings(request.ports().stream()
                        .map(port -> new PortBinding(Ports.Binding.bindPort(port.hostPort()), exposed(port)))
                        .toList())
                .withBinds(request.volumes().stream()
                        .map(volume -> new Bind(volume.pathOnHost(), new Volume(volume.pathInContainer()),
                                volume.readOnly() ? AccessMode.ro : AccessMode.rw))
                        .toList())
                .withDevices(request.devices().stream()
                        .map(device -> new Device(device.cgroupPermissions(), device.pathInContainer(),
                                device.pathOnHost()))
                        .toList())
                .withLogConfig(request.logging().logConfig(options));
        if (!request.cpusetCpus().isEmpty()) {
            host.withCpusetCpus(commaList(request.cpusetCpus()));
        }
        if (!request.cpusetMems().isEmpty()) {
            host.withCpusetMems(commaList(request.cpusetMems()));
        }
        List<DeviceRequest> deviceRequests = new ArrayList<>();
        request.deviceRequests().forEach(wanted -> deviceRequests.add(new DeviceRequest()
                .withDriver(wanted.driver())
                .withCount(wanted.count())
                .withDeviceIds(wanted.deviceIds())
                .withCapabilities(wanted.capabilities())
                .withOptions(wanted.options())));
        if (request.gpus()) {
            deviceRequests.add(new DeviceRequest().withCount(-1).withCapabilities(List.of(List.of("gpu"))));
        }
        if (!deviceRequests.isEmpty()) {
            host.withDeviceRequests(deviceRequests);
        }
        return host;
    }

    private static ExposedPort exposed(ContainerRequest.Port port) {
        return new ExposedPort(port.containerPort(),
                port.protocol() == ContainerRequest.Protocol.UDP ? InternetProtocol.UDP : InternetProtocol.TCP);
    }

    private static String commaList(Collection<Integer> ids) {
        return ids.stream().map(String::valueOf).collect(Collectors.joining(","));
    }
}
