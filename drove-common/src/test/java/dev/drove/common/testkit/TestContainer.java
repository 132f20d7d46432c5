package dev.drove.common.testkit;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.PortBinding;
import com.github.dockerjava.api.model.Ports;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A kit container to run: which {@link TestImage}, and its env, limits, published ports and injected files.
 * {@link #run} labels it {@value DockerExtension#TEST_LABEL}=true (plus this JVM's run id), so
 * {@link DockerExtension} removes it after the class.
 *
 * <pre>
 * RunningContainer app = TestContainer.of(TestImage.APP).publish(8000).memoryBytes(6 * MB).cpuset("0")
 *         .file("/testfiles/drove.txt", "hello").run(docker);
 * URI health = app.uri(8000, "/cgi-bin/health");
 * </pre>
 */
public final class TestContainer {
    /** One mebibyte, for memory limits. */
    public static final long MB = 1024L * 1024L;

    private final TestImage image;
    private final Map<String, String> env = new LinkedHashMap<>();
    private final Map<String, String> labels = new LinkedHashMap<>();
    private final Set<Integer> published = new LinkedHashSet<>();
    private final Map<String, String> files = new LinkedHashMap<>();
    private Long memoryBytes;
    private String cpuset;

    private TestContainer(TestImage image) {
        this.image = image;
    }

    public static TestContainer of(TestImage image) {
        return new TestContainer(image);
    }

    /** Sets an environment variable, e.g. {@code PORT}, {@code EXIT_CODE}. */
    public TestContainer env(String name, String value) {
        env.put(name, value);
        return this;
    }

    /** Adds a label (in addition to the kit's own). */
    public TestContainer label(String name, String value) {
        labels.put(name, value);
        return this;
    }

    /** Publishes a container TCP port on an ephemeral port of 127.0.0.1. */
    public TestContainer publish(int containerPort) {
        published.add(containerPort);
        return this;
    }

    /** Memory limit in bytes (the engine refuses less than 4 MB, or 6 MB on newer engines). */
    public TestContainer memoryBytes(long bytes) {
        memoryBytes = bytes;
        return this;
    }

    /** The CPUs the container may run on, in Docker's cpuset syntax ({@code "0"}, {@code "0-1"}). */
    public TestContainer cpuset(String cpus) {
        cpuset = cpus;
        return this;
    }

    /** A file copied into the container (copyArchiveToContainerCmd) before it starts; folders are created. */
    public TestContainer file(String absolutePath, String content) {
        if (!absolutePath.startsWith("/")) {
            throw new IllegalArgumentException("Container file paths are absolute, not " + absolutePath);
        }
        files.put(absolutePath, content);
        return this;
    }

    /**
     * Creates the container, copies the files in, starts it and looks up its host ports. The image is built first
     * when needed. If starting fails, the container is removed and the error rethrown.
     */
    public RunningContainer run(DockerClient docker) {
        TestImages.ensureBuilt(docker, image);
        Map<String, String> allLabels = new HashMap<>(labels);
        allLabels.put(DockerExtension.TEST_LABEL, "true");
        allLabels.put(DockerExtension.RUN_LABEL, DockerExtension.RUN_ID);
        HostConfig host = HostConfig.newHostConfig()
                .withPortBindings(published.stream()
                        .map(port -> new PortBinding(Ports.Binding.bindIp("127.0.0.1"), ExposedPort.tcp(port)))
                        .toList())
                .withMemory(memoryBytes)
                .withCpusetCpus(cpuset);
        String id = docker.createContainerCmd(image.reference())
                .withLabels(allLabels)
                .withEnv(env.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList())
                .withExposedPorts(published.stream().map(ExposedPort::tcp).toList())
                .withHostConfig(host)
                .exec()
                .getId();
        try {
            copyFiles(docker, id);
            docker.startContainerCmd(id).exec();
            return new RunningContainer(docker, id, hostPorts(docker, id));
        } catch (RuntimeException e) {
            removeQuietly(docker, id, e);
            throw e;
        }
    }

    private void copyFiles(DockerClient docker, String id) {
        if (files.isEmpty()) {
            return;
        }
        Path root = null;
        try {
            root = Files.createTempDirectory("drove-test-files-");
            for (Map.Entry<String, String> file : files.entrySet()) {
                Path local = root.resolve(file.getKey().substring(1));
                Files.createDirectories(local.getParent());
                Files.writeString(local, file.getValue(), StandardCharsets.UTF_8);
            }
            docker.copyArchiveToContainerCmd(id)
                    .withHostResource(root.toString())
                    .withDirChildrenOnly(true)
                    .withRemotePath("/")
                    .exec();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot stage the files for container " + id, e);
        } finally {
            deleteQuietly(root);
        }
    }

    private Map<Integer, Integer> hostPorts(DockerClient docker, String id) {
        if (published.isEmpty()) {
            return Map.of();
        }
        Map<ExposedPort, Ports.Binding[]> bindings =
                docker.inspectContainerCmd(id).exec().getNetworkSettings().getPorts().getBindings();
        Map<Integer, Integer> ports = new HashMap<>();
        for (int port : published) {
            Ports.Binding[] bound = bindings.get(ExposedPort.tcp(port));
            if (bound == null || bound.length == 0) {
                throw new IllegalStateException("Container " + id + " has no host port for " + port + "/tcp");
            }
            ports.put(port, Integer.parseInt(bound[0].getHostPortSpec()));
        }
        return ports;
    }

    private static void removeQuietly(DockerClient docker, String id, RuntimeException cause) {
        try {
            docker.removeContainerCmd(id).withForce(true).withRemoveVolumes(true).exec();
        } catch (NotFoundException gone) {
            // Nothing left to remove.
        } catch (RuntimeException e) {
            cause.addSuppressed(e);
        }
    }

    private static void deleteQuietly(Path root) {
        if (root == null) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException ignored) {
            // A leftover temp folder is harmless.
        }
    }
}
