package dev.drove.executor.instances;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import dev.drove.common.messages.ApplicationInstanceSpec;
import dev.drove.common.messages.LocalServiceInstanceSpec;
import dev.drove.common.messages.TaskInstanceSpec;
import dev.drove.common.testkit.TestImage;
import dev.drove.executor.engine.HostPorts;
import dev.drove.models.application.MountedVolume;
import dev.drove.models.application.PortSpec;
import dev.drove.models.application.PortType;
import dev.drove.models.application.PreShutdownSpec;
import dev.drove.models.application.checks.CheckModeSpec;
import dev.drove.models.application.checks.CheckSpec;
import dev.drove.models.application.checks.HTTPCheckModeSpec;
import dev.drove.models.application.executable.DockerCoordinates;
import dev.drove.models.config.ConfigSpec;
import dev.drove.models.config.InlineConfigSpec;
import dev.drove.models.info.resources.CPUAllocation;
import dev.drove.models.info.resources.MemoryAllocation;
import dev.drove.models.info.resources.ResourceAllocation;
import io.dropwizard.util.Duration;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Specs of small test instances on the kit's images. The images are run under a tag on a loopback registry where
 * nothing listens, so every pull fails at once without leaving this machine and the local copy runs.
 */
final class TestSpecs {
    static final String APP_ID = "TEST_APP-1";
    static final String CONFIG_FILE = "/files/drove.txt";
    static final String CONFIG_TEXT = "Hello from an inline config\n";

    private static final String REGISTRY = "127.0.0.1:" + HostPorts.allocate(1).get(0);
    static final String APP_IMAGE = REGISTRY + "/drove-test/app:instances";
    static final String TASK_IMAGE = REGISTRY + "/drove-test/task:instances";

    private TestSpecs() {
    }

    /** Tags the kit's images under the loopback registry; idempotent. */
    static void tagImages(DockerClient docker) {
        docker.tagImageCmd(TestImage.APP.reference(), REGISTRY + "/drove-test/app", "instances").exec();
        docker.tagImageCmd(TestImage.TASK.reference(), REGISTRY + "/drove-test/task", "instances").exec();
    }

    /** Removes the loopback tags (the kit's own tags stay). */
    static void untagImages(DockerClient docker) {
        for (String image : List.of(APP_IMAGE, TASK_IMAGE)) {
            try {
                docker.removeImageCmd(image).exec();
            } catch (NotFoundException gone) {
                // Nothing to untag.
            }
        }
    }

    /** One core of NUMA node 0 and {@code memoryMB} of its memory. */
    static List<ResourceAllocation> resources(int core, long memoryMB) {
        return List.of(new CPUAllocation(Map.of(0, Set.of(core))), new MemoryAllocation(Map.of(0, memoryMB)));
    }

    static CheckSpec check(CheckModeSpec mode) {
        return new CheckSpec(mode, Duration.seconds(1), Duration.milliseconds(500), 2, Duration.seconds(0));
    }

    /** An application instance of the test app with sensible defaults; change what a test needs. */
    static final class App {
        String instanceId = "AI-" + UUID.randomUUID();
        String image = APP_IMAGE;
        int core = 1;
        long memoryMB = 16;
        List<PortSpec> ports = List.of(new PortSpec("main", 8000, PortType.HTTP));
        List<MountedVolume> volumes = new ArrayList<>();
        List<ConfigSpec> configs = new ArrayList<>(List.of(
                new InlineConfigSpec(CONFIG_FILE, CONFIG_TEXT.getBytes(StandardCharsets.UTF_8))));
        CheckSpec readiness = check(HTTPCheckModeSpec.get("main", "/cgi-bin/ready"));
        CheckSpec healthcheck = check(HTTPCheckModeSpec.get("main", "/cgi-bin/health"));
        Map<String, String> env = new LinkedHashMap<>(Map.of("GREETING", "hello"));
        PreShutdownSpec preShutdown;

        ApplicationInstanceSpec build() {
            return new ApplicationInstanceSpec(APP_ID, "TEST_APP", instanceId,
                    new DockerCoordinates(image, Duration.seconds(30)), resources(core, memoryMB), ports, volumes,
                    configs, healthcheck, readiness, null, env, List.of(), List.of(), preShutdown, null,
                    "token-of-" + instanceId);
        }

        LocalServiceInstanceSpec buildLocalService(String serviceId, boolean hostLevel) {
            return new LocalServiceInstanceSpec(serviceId, "TEST_SERVICE", instanceId,
                    new DockerCoordinates(image, Duration.seconds(30)), resources(core, memoryMB), ports, volumes,
                    configs, healthcheck, readiness, null, env, List.of(), List.of(), preShutdown, null,
                    "token-of-" + instanceId, hostLevel);
        }
    }

    /** A run of the test task: {@code ITERATIONS} lines, then exit with {@code EXIT_CODE}. */
    static TaskInstanceSpec task(int iterations, int exitCode) {
        return new TaskInstanceSpec("task-" + UUID.randomUUID().toString().substring(0, 8), "TEST_APP",
                "TI-" + UUID.randomUUID(), new DockerCoordinates(TASK_IMAGE, Duration.seconds(30)), resources(0, 8),
                List.of(), List.of(), null,
                Map.of("ITERATIONS", Integer.toString(iterations), "SLEEP_SECONDS", iterations > 5 ? "1" : "0",
                        "EXIT_CODE", Integer.toString(exitCode)),
                List.of(), List.of(), null, null);
    }
}
