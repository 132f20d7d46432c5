package dev.drove.controller.api;

import dev.drove.common.testkit.ZookeeperExtension;
import dev.drove.controller.specrules.HostAccessRules;
import dev.drove.models.operation.ApplicationCreateOperation;
import org.apache.curator.test.TestingServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Application specs over HTTP on a controller with {@code allowedMountDirs: [/var/lib/drove-scratch]} and raw device
 * access off: a refused mount or device is a 400 naming the field, and nothing reaches the engine.
 */
@ExtendWith(ZookeeperExtension.class)
class ApplicationHostAccessTest {
    private static final String OPERATIONS = "/apis/v1/applications/operations";
    private static final String VALIDATE = "/apis/v1/applications/validate/spec";

    private ApiServer api;

    @BeforeEach
    void startTheLeader(TestingServer zookeeper) throws Exception {
        api = ApiServer.leader(zookeeper.getConnectString(),
                new HostAccessRules(List.of("/var/lib/drove-scratch"), false));
    }

    @AfterEach
    void stop() {
        api.close();
    }

    @Test
    void aVolumeOutsideTheAllowedDirectoriesIsRefusedAndNothingIsSubmitted() {
        var spec = withVolume("/etc");

        var create = api.post(OPERATIONS, createOf(spec));
        var validation = api.post(VALIDATE, spec);

        assertThat(create.status()).isEqualTo(400);
        assertThat(create.json().get("status").asText()).isEqualTo("FAILED");
        assertThat(create.json().get("message").asText()).isEqualTo("Command validation failure");
        assertThat(errors(create)).containsExactly("spec.volumes[0].pathOnHost /etc is not under an allowed mount "
                + "directory (allowed: /var/lib/drove-scratch)");
        assertThat(validation.status()).isEqualTo(400);
        assertThat(errors(validation)).containsExactly("volumes[0].pathOnHost /etc is not under an allowed mount "
                + "directory (allowed: /var/lib/drove-scratch)");
        assertThat(api.operations.submitted).isEmpty();
    }

    @Test
    void aVolumeThatClimbsOutOfAnAllowedDirectoryIsRefused() {
        var create = api.post(OPERATIONS, createOf(withVolume("/var/lib/drove-scratch/../../../etc")));

        assertThat(create.status()).isEqualTo(400);
        assertThat(errors(create)).singleElement().asString().contains("(/etc) is not under an allowed mount");
        assertThat(api.operations.submitted).isEmpty();
    }

    @Test
    void aVolumeUnderAnAllowedDirectoryIsSubmitted() {
        var create = api.post(OPERATIONS, createOf(withVolume("/var/lib/drove-scratch/billing")));

        assertThat(create.status()).isEqualTo(200);
        assertThat(api.operations.submitted).singleElement().isInstanceOfSatisfying(ApplicationCreateOperation.class,
                operation -> assertThat(operation.spec().volumes()).singleElement()
                        .satisfies(volume -> assertThat(volume.pathOnHost())
                                .isEqualTo("/var/lib/drove-scratch/billing")));
    }

    @Test
    void aDeviceIsRefusedWhileRawDeviceAccessIsOff() {
        var spec = SampleCluster.SPEC.replace("\"volumes\": [],",
                "\"volumes\": [], \"devices\": [{\"type\": \"DIRECT\", \"pathOnHost\": \"/dev/fuse\"}],");

        var create = api.post(OPERATIONS, createOf(spec));

        assertThat(create.status()).isEqualTo(400);
        assertThat(errors(create)).containsExactly("spec.devices[0] (DIRECT /dev/fuse) is refused: raw device access "
                + "is disabled on this cluster (controller option options.enableRawDeviceAccess)");
        assertThat(api.operations.submitted).isEmpty();
    }

    private static String withVolume(String pathOnHost) {
        return SampleCluster.SPEC.replace("\"volumes\": [],", "\"volumes\": [{\"pathInContainer\": \"/data\", "
                + "\"pathOnHost\": \"" + pathOnHost + "\", \"mode\": \"READ_WRITE\"}],");
    }

    private static String createOf(String spec) {
        return "{\"type\": \"CREATE\", \"spec\": " + spec + ", \"instances\": 1, "
                + "\"opSpec\": {\"timeout\": \"5m\", \"parallelism\": 1, \"failureStrategy\": \"STOP\"}}";
    }

    private static List<String> errors(ApiServer.Answer answer) {
        var errors = new ArrayList<String>();
        answer.json().at("/data/validationErrors").forEach(error -> errors.add(error.asText()));
        return errors;
    }
}
