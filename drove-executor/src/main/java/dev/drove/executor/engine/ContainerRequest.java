package dev.drove.executor.engine;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Everything the engine needs to run one container, already resolved from the instance spec: the caller has computed
 * the container name, the env (in injection order, drove-contract.md §3), the host ports, the physical CPUs and the
 * config files' bytes. Build one with {@link #builder(String, String)}.
 *
 * @param name        container name: {@code {appId}-{instanceId}}, {@code {serviceId}-{instanceId}} or the task
 *                    instance id
 * @param image       image reference, e.g. {@code docker.io/library/nginx:1.27}; no tag means {@code latest}
 * @param pullTimeout how long {@link ContainerEngine#ensureImage} may pull
 * @param cpusetCpus  physical CPU ids for {@code cpuset-cpus}; empty = not pinned
 * @param cpusetMems  NUMA node ids for {@code cpuset-mems}; empty = not pinned (always empty without NUMA pinning)
 * @param memoryMB    hard memory limit in MB (× 2²⁰ bytes)
 * @param env         environment, in order
 * @param args        the container's {@code Cmd}; empty keeps the image's own
 * @param ports       published ports; each host port is bound on all interfaces
 * @param volumes     host paths mounted into the container
 * @param devices     host devices passed through directly
 * @param deviceRequests devices requested from a driver ({@code DETAILED} device specs)
 * @param files       files written into the container before it starts: absolute path → content
 * @param labels      container labels ({@code drove.*})
 * @param user        {@code user} or {@code user:group}, or null for the image's user
 * @param logging     the engine's log driver for this container
 * @param maxOpenFiles the {@code nofile} ulimit, or null for the executor's {@code options.maxOpenFiles}
 * @param gpus        give the container every GPU of the host ({@code --gpus all})
 */
public record ContainerRequest(
        String name,
        String image,
        Duration pullTimeout,
        SortedSet<Integer> cpusetCpus,
        SortedSet<Integer> cpusetMems,
        long memoryMB,
        Map<String, String> env,
        List<String> args,
        List<Port> ports,
        List<Volume> volumes,
        List<Device> devices,
        List<DeviceRequest> deviceRequests,
        Map<String, byte[]> files,
        Map<String, String> labels,
        String user,
        ContainerLogging logging,
        Long maxOpenFiles,
        boolean gpus) {

    /** The default pull timeout of Drove's {@code DockerCoordinates}. */
    public static final Duration DEFAULT_PULL_TIMEOUT = Duration.ofMinutes(15);

    public ContainerRequest {
        requireText(name, "name");
        requireText(image, "image");
        pullTimeout = pullTimeout == null ? DEFAULT_PULL_TIMEOUT : pullTimeout;
        cpusetCpus = sorted(cpusetCpus);
        cpusetMems = sorted(cpusetMems);
        if (memoryMB <= 0) {
            throw new IllegalArgumentException("Container " + name + " needs a memory limit above 0 MB");
        }
        env = ordered(env);
        args = args == null ? List.of() : List.copyOf(args);
        ports = ports == null ? List.of() : List.copyOf(ports);
        volumes = volumes == null ? List.of() : List.copyOf(volumes);
        devices = devices == null ? List.of() : List.copyOf(devices);
        deviceRequests = deviceRequests == null ? List.of() : List.copyOf(deviceRequests);
        files = ordered(files);
        files.keySet().forEach(path -> {
            if (!path.startsWith("/") || path.endsWith("/") || ("/" + path + "/").contains("/../")) {
                throw new IllegalArgumentException("Container file paths must be absolute file paths without '..', "
                        + "not " + path);
            }
        });
        labels = ordered(labels);
        user = user == null || user.isBlank() ? null : user;
        logging = logging == null ? ContainerLogging.JsonFile.DEFAULT : logging;
    }

    /** A builder for a container with this name and image and otherwise the defaults. */
    public static Builder builder(String name, String image) {
        return new Builder(name, image);
    }

    /** Transport protocol of a published port. */
    public enum Protocol { TCP, UDP }

    /** A container port published on a host port of all interfaces. */
    public record Port(int containerPort, int hostPort, Protocol protocol) {
        public Port {
            checkPort(containerPort, "container");
            checkPort(hostPort, "host");
            protocol = protocol == null ? Protocol.TCP : protocol;
        }

        private static void checkPort(int port, String side) {
            if (port < 1 || port > 65535) {
                throw new IllegalArgumentException("The " + side + " port must be between 1 and 65535, not " + port);
            }
        }
    }

    /** A host path mounted into the container. */
    public record Volume(String pathOnHost, String pathInContainer, boolean readOnly) {
        public Volume {
            requireText(pathOnHost, "pathOnHost");
            requireText(pathInContainer, "pathInContainer");
        }
    }

    /**
     * A host device passed through directly.
     *
     * @param cgroupPermissions any of {@code r}, {@code w}, {@code m} (e.g. {@code rwm})
     */
    public record Device(String pathOnHost, String pathInContainer, String cgroupPermissions) {
        public Device {
            requireText(pathOnHost, "pathOnHost");
            pathInContainer = pathInContainer == null || pathInContainer.isBlank() ? pathOnHost : pathInContainer;
            cgroupPermissions = cgroupPermissions == null || cgroupPermissions.isBlank() ? "rwm" : cgroupPermissions;
        }
    }

    /** Devices requested from a device driver, as Docker's {@code DeviceRequest}; count -1 means all. */
    public record DeviceRequest(String driver, int count, List<String> deviceIds, List<List<String>> capabilities,
                                Map<String, String> options) {
        public DeviceRequest {
            deviceIds = deviceIds == null ? List.of() : List.copyOf(deviceIds);
            capabilities = capabilities == null ? List.of() : capabilities.stream().map(List::copyOf).toList();
            options = options == null ? Map.of() : Map.copyOf(options);
        }
    }

    private static void requireText(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("A container request needs a " + what);
        }
    }

    private static SortedSet<Integer> sorted(SortedSet<Integer> values) {
        return values == null ? Collections.emptySortedSet() : Collections.unmodifiableSortedSet(new TreeSet<>(values));
    }

    private static <V> Map<String, V> ordered(Map<String, V> values) {
        return values == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /** Collects the parts of a request; {@link #build()} applies the record's checks and defaults. */
    public static final class Builder {
        private final String name;
        private final String image;
        private Duration pullTimeout;
        private SortedSet<Integer> cpusetCpus = new TreeSet<>();
        private SortedSet<Integer> cpusetMems = new TreeSet<>();
        private long memoryMB;
        private final Map<String, String> env = new LinkedHashMap<>();
        private final List<String> args = new ArrayList<>();
        private final List<Port> ports = new ArrayList<>();
        private final List<Volume> volumes = new ArrayList<>();
        private final List<Device> devices = new ArrayList<>();
        private final List<DeviceRequest> deviceRequests = new ArrayList<>();
        private final Map<String, byte[]> files = new LinkedHashMap<>();
        private final Map<String, String> labels = new LinkedHashMap<>();
        private String user;
        private ContainerLogging logging;
        private Long maxOpenFiles;
        private boolean gpus;

        private Builder(String name, String image) {
            this.name = name;
            this.image = image;
        }

        public Builder pullTimeout(Duration timeout) {
            this.pullTimeout = timeout;
            return this;
        }

        public Builder cpusetCpus(SortedSet<Integer> cpus) {
            this.cpusetCpus = new TreeSet<>(Objects.requireNonNull(cpus));
            return this;
        }

        public Builder cpusetMems(SortedSet<Integer> nodes) {
            this.cpusetMems = new TreeSet<>(Objects.requireNonNull(nodes));
            return this;
        }

        public Builder memoryMB(long megabytes) {
            this.memoryMB = megabytes;
            return this;
        }

        /** Adds (or replaces, keeping its place) one variable. */
        public Builder env(String variable, String value) {
            env.put(variable, value);
            return this;
        }

        public Builder env(Map<String, String> variables) {
            env.putAll(variables);
            return this;
        }

        public Builder args(List<String> arguments) {
            args.addAll(arguments);
            return this;
        }

        public Builder port(int containerPort, int hostPort, Protocol protocol) {
            ports.add(new Port(containerPort, hostPort, protocol));
            return this;
        }

        public Builder volume(String pathOnHost, String pathInContainer, boolean readOnly) {
            volumes.add(new Volume(pathOnHost, pathInContainer, readOnly));
            return this;
        }

        public Builder device(String pathOnHost, String pathInContainer, String cgroupPermissions) {
            devices.add(new Device(pathOnHost, pathInContainer, cgroupPermissions));
            return this;
        }

        public Builder deviceRequest(DeviceRequest request) {
            deviceRequests.add(request);
            return this;
        }

        public Builder file(String absolutePath, byte[] content) {
            files.put(absolutePath, content.clone());
            return this;
        }

        public Builder label(String key, String value) {
            labels.put(key, value);
            return this;
        }

        public Builder labels(Map<String, String> values) {
            labels.putAll(values);
            return this;
        }

        public Builder user(String userAndGroup) {
            this.user = userAndGroup;
            return this;
        }

        public Builder logging(ContainerLogging containerLogging) {
            this.logging = containerLogging;
            return this;
        }

        public Builder maxOpenFiles(long limit) {
            this.maxOpenFiles = limit;
            return this;
        }

        public Builder gpus(boolean allGpus) {
            this.gpus = allGpus;
            return this;
        }

        public ContainerRequest build() {
            return new ContainerRequest(name, image, pullTimeout, cpusetCpus, cpusetMems, memoryMB, env, args, ports,
                    volumes, devices, deviceRequests, files, labels, user, logging, maxOpenFiles, gpus);
        }
    }
}
