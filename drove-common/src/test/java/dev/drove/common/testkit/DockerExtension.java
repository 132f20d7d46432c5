package dev.drove.common.testkit;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.httpclient5.ApacheDockerHttpClient;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Gives a test class the local Docker engine and cleans up after it.
 * <ul>
 *   <li>Resolves {@link DockerClient} parameters: one client per JVM (docker-java over the httpclient5 transport,
 *       {@code $DOCKER_HOST} or {@code unix:///var/run/docker.sock}). If no engine answers, the class fails and the
 *       message says to run {@code scripts/ensure-docker.sh}; it is never skipped.</li>
 *   <li>Before the class: builds the {@link TestImage}s if needed ({@link TestImages}).</li>
 *   <li>After the class: force-removes, with their volumes, the containers that did not exist when the class
 *       started and that are ours: the kit's own ({@value #TEST_LABEL}=true, from this JVM; see
 *       {@link TestContainer}) or any with a label starting with {@value #DROVE_LABEL_PREFIX} (the executor's).
 *       Nested classes clean up their own containers the same way.</li>
 * </ul>
 * Several test JVMs may share the engine. The kit's containers carry the JVM's {@value #RUN_LABEL}, so one JVM
 * never removes another's; {@code drove.*} containers are attributed only by the time they appeared.
 */
public final class DockerExtension implements BeforeAllCallback, AfterAllCallback, ParameterResolver {
    /** Label on every container the kit creates. */
    public static final String TEST_LABEL = "dev.drove.test";
    /** Label naming the test JVM that created a kit container. */
    public static final String RUN_LABEL = "dev.drove.test.run";
    /** Containers with a label starting with this are the executor's, so removed after the class as well. */
    public static final String DROVE_LABEL_PREFIX = "drove.";
    /** This JVM's value of {@value #RUN_LABEL}. */
    static final String RUN_ID = UUID.randomUUID().toString();

    private static final Logger log = LoggerFactory.getLogger(DockerExtension.class);
    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(DockerExtension.class);
    private static final String EXISTING = "containers-before-class";
    private static DockerClient client;

    static {
        QuietLogging.apply();
    }

    /**
     * The JVM's shared client, connected and answered by the engine.
     *
     * @throws IllegalStateException when no engine answers, naming the address and the script that fixes it
     */
    public static synchronized DockerClient client() {
        if (client != null) {
            return client;
        }
        DockerClientConfig config = DefaultDockerClientConfig.createDefaultConfigBuilder().build();
        var http = new ApacheDockerHttpClient.Builder()
                .dockerHost(config.getDockerHost())
                .sslConfig(config.getSSLConfig())
                .maxConnections(64)
                .connectionTimeout(Duration.ofSeconds(5))
                .responseTimeout(Duration.ofMinutes(2))
                .build();
        DockerClient candidate = DockerClientImpl.getInstance(config, http);
        try {
            candidate.pingCmd().exec();
        } catch (RuntimeException e) {
            throw new IllegalStateException("No Docker engine answers at " + config.getDockerHost() + " (" + e
                    + "). Run scripts/ensure-docker.sh as root to install and start it.", e);
        }
        client = candidate;
        return client;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        DockerClient docker = client();
        TestImages.ensureBuilt(docker);
        context.getStore(NAMESPACE).put(EXISTING, new Snapshot(containerIds(docker)));
    }

    @Override
    public void afterAll(ExtensionContext context) {
        Snapshot before = context.getStore(NAMESPACE).remove(EXISTING, Snapshot.class);
        if (before == null) {
            return;
        }
        DockerClient docker = client();
        List<String> failures = new ArrayList<>();
        for (Container container : docker.listContainersCmd().withShowAll(true).exec()) {
            if (before.ids().contains(container.getId()) || !isOurs(container.getLabels())) {
                continue;
            }
            try {
                docker.removeContainerCmd(container.getId()).withForce(true).withRemoveVolumes(true).exec();
                log.debug("Removed test container {} ({})", container.getId(), container.getImage());
            } catch (NotFoundException alreadyGone) {
                // Removed by the test itself meanwhile.
            } catch (RuntimeException e) {
                failures.add(container.getId() + ": " + e.getMessage());
            }
        }
        if (!failures.isEmpty()) {
            throw new IllegalStateException("Could not remove the test containers " + failures);
        }
    }

    /** True for the kit's containers from this JVM and for every container with a {@code drove.*} label. */
    static boolean isOurs(Map<String, String> labels) {
        if (labels == null) {
            return false;
        }
        if ("true".equals(labels.get(TEST_LABEL))) {
            String run = labels.get(RUN_LABEL);
            if (run == null || run.equals(RUN_ID)) {
                return true;
            }
        }
        return labels.keySet().stream().anyMatch(key -> key.startsWith(DROVE_LABEL_PREFIX));
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == DockerClient.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return client();
    }

    private static Set<String> containerIds(DockerClient docker) {
        return docker.listContainersCmd().withShowAll(true).exec().stream()
                .map(Container::getId)
                .collect(Collectors.toUnmodifiableSet());
    }

    /** The containers that existed when a class started. */
    private record Snapshot(Set<String> ids) {
    }
}
