package dev.drove.controller.tasks;

import dev.drove.common.errors.CommandValidationException;
import dev.drove.common.testkit.ZookeeperExtension;
import dev.drove.controller.specrules.HostAccessRules;
import dev.drove.controller.statestore.ZkClusterStateStore;
import dev.drove.controller.statestore.ZkTaskStore;
import org.apache.curator.framework.CuratorFramework;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.List;

import static dev.drove.controller.tasks.TaskResourceTest.OP_SPEC;
import static dev.drove.controller.tasks.TaskResourceTest.SPEC;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Task specs on a controller with {@code allowedMountDirs: [/var/lib/drove-scratch]} and raw device access off: a
 * refused mount or device is a validation failure naming the field, and no task is stored.
 */
@ExtendWith(ZookeeperExtension.class)
class TaskHostAccessTest {
    private ZkTaskStore tasks;
    private TaskEngine engine;
    private TaskResource resource;

    @BeforeEach
    void build(CuratorFramework curator) {
        tasks = new ZkTaskStore(curator);
        engine = TestTasks.leadingEngine(tasks, new TestTasks.ExecutorLink());
        resource = new TaskResource(engine, tasks, new ZkClusterStateStore(curator),
                new HostAccessRules(List.of("/var/lib/drove-scratch"), false));
    }

    @AfterEach
    void stop() {
        engine.close();
    }

    @Test
    void aVolumeOutsideTheAllowedDirectoriesIsRefusedAndNoTaskIsStored() {
        var spec = withVolume("/etc");

        assertThatThrownBy(() -> resource.submit(null, createOf(spec)))
                .isInstanceOfSatisfying(CommandValidationException.class, e -> assertThat(e.errors()).containsExactly(
                        "spec.volumes[0].pathOnHost /etc is not under an allowed mount directory (allowed: "
                                + "/var/lib/drove-scratch)"));
        assertThatThrownBy(() -> resource.validateSpec(spec))
                .isInstanceOfSatisfying(CommandValidationException.class, e -> assertThat(e.errors()).containsExactly(
                        "volumes[0].pathOnHost /etc is not under an allowed mount directory (allowed: "
                                + "/var/lib/drove-scratch)"));
        assertThat(tasks.all()).isEmpty();
    }

    @Test
    void aPrefixThatIsNotAPathSegmentIsRefused() {
        assertThatThrownBy(() -> resource.submit(null, createOf(withVolume("/var/lib/drove-scratchpad"))))
                .isInstanceOf(CommandValidationException.class);
        assertThat(tasks.all()).isEmpty();
    }

    @Test
    void aVolumeUnderAnAllowedDirectoryIsAccepted() {
        var created = resource.submit(null, createOf(withVolume("/var/lib/drove-scratch/reports")));

        assertThat(created.data().taskId()).isEqualTo("TEST_APP-T0012");
        await().atMost(Duration.ofSeconds(10)).until(() -> !tasks.all().isEmpty());
        assertThat(tasks.all()).singleElement().satisfies(task -> assertThat(task.volumes()).singleElement()
                .satisfies(volume -> assertThat(volume.pathOnHost()).isEqualTo("/var/lib/drove-scratch/reports")));
    }

    @Test
    void aDeviceIsRefusedWhileRawDeviceAccessIsOff() {
        var spec = SPEC.replace("\"args\": [],", "\"args\": [], \"devices\": [{\"type\": \"DETAILED\", "
                + "\"driver\": \"nvidia\", \"count\": -1}],");

        assertThatThrownBy(() -> resource.submit(null, createOf(spec)))
                .isInstanceOfSatisfying(CommandValidationException.class, e -> assertThat(e.errors()).containsExactly(
                        "spec.devices[0] (DETAILED nvidia) is refused: raw device access is disabled on this "
                                + "cluster (controller option options.enableRawDeviceAccess)"));
        assertThat(tasks.all()).isEmpty();
    }

    private static String withVolume(String pathOnHost) {
        return SPEC.replace("\"args\": [],", "\"args\": [], \"volumes\": [{\"pathInContainer\": \"/data\", "
                + "\"pathOnHost\": \"" + pathOnHost + "\", \"mode\": \"READ_WRITE\"}],");
    }

    private static String createOf(String spec) {
        return """
                {"type": "CREATE", "spec": %s, "opSpec": %s}""".formatted(spec, OP_SPEC);
    }
}
