package dev.drove.controller.specrules;

import dev.drove.models.application.devices.DeviceSpec;
import dev.drove.models.application.devices.DetailedDeviceSpec;
import dev.drove.models.application.devices.DirectDeviceSpec;
import dev.drove.models.task.TaskSpec;
import dev.drove.models.validation.ContractReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Which volumes and devices a spec may ask for, and how each refusal names its field. */
class HostAccessRulesTest {
    private static final List<String> SCRATCH = List.of("/scratch");
    private static final String DEVICE_REFUSAL = "is refused: raw device access is disabled on this cluster "
            + "(controller option options.enableRawDeviceAccess)";

    /**
     * Expected problems are written short: {@code V1 /x} is "volumes[1].pathOnHost /x is not under an allowed mount
     * directory …", {@code D0 DIRECT /dev/x} is "devices[0] (DIRECT /dev/x) is refused …".
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "no volumes, no devices    | ''                       | ''               | ''",
            "an allowed volume         | /scratch/a               | ''               | ''",
            "a refused volume          | /etc                     | ''               | V0 /etc",
            "the second of two refused | /scratch;/var/lib/docker | ''               | V1 /var/lib/docker",
            "a direct device           | ''                       | DIRECT /dev/fuse | D0 DIRECT /dev/fuse",
            "a detailed device         | ''                       | DETAILED nvidia  | D0 DETAILED nvidia",
            "a volume and a device     | /root                    | DIRECT /dev/kmsg | V0 /root;D0 DIRECT /dev/kmsg",
    })
    void withAllowedDirectoriesAndNoDeviceAccess(String row, String volumes, String device, String problems) {
        var rules = new HostAccessRules(SCRATCH, false);

        assertThat(rules.problems("", spec(volumes, device)))
                .containsExactlyElementsOf(list(problems).stream().map(HostAccessRulesTest::expand).toList());
    }

    /** {@code V1 /x} or {@code D0 DIRECT /dev/x} as the sentence the rules write. */
    private static String expand(String shortProblem) {
        var index = shortProblem.charAt(1);
        var what = shortProblem.substring(3);
        return shortProblem.startsWith("V")
                ? "volumes[" + index + "].pathOnHost " + what + " is not under an allowed mount directory (allowed: "
                + "/scratch)"
                : "devices[" + index + "] (" + what + ") " + DEVICE_REFUSAL;
    }

    @Test
    void withRawDeviceAccessDevicesPass() {
        var rules = new HostAccessRules(SCRATCH, true);

        assertThat(rules.problems("", spec("", "DIRECT /dev/fuse"))).isEmpty();
        assertThat(rules.problems("", spec("", "DETAILED nvidia"))).isEmpty();
    }

    @Test
    void theDefaultsMountAnythingButRefuseDevices() {
        assertThat(HostAccessRules.DEFAULTS.mountsAnything()).isTrue();
        assertThat(HostAccessRules.DEFAULTS.problems("", spec("/etc;/", ""))).isEmpty();
        assertThat(HostAccessRules.DEFAULTS.problems("", spec("", "DIRECT /dev/fuse")))
                .containsExactly("devices[0] (DIRECT /dev/fuse) " + DEVICE_REFUSAL);
    }

    @Test
    void theFieldPathStartsWithThePrefixOfTheDocument() {
        var rules = new HostAccessRules(SCRATCH, false);

        assertThat(rules.problems("spec.", spec("/etc", "DIRECT /dev/fuse"))).containsExactly(
                "spec.volumes[0].pathOnHost /etc is not under an allowed mount directory (allowed: /scratch)",
                "spec.devices[0] (DIRECT /dev/fuse) " + DEVICE_REFUSAL);
    }

    @Test
    void withCommandLineArgumentsDisabledASpecWithArgsIsRefusedAndOneWithoutPasses() {
        var rules = new HostAccessRules(List.of(), false, false);
        var withArgs = ContractReader.standard().read("""
                {"sourceAppName": "TEST_APP", "taskId": "T1",
                 "executable": {"type": "DOCKER", "url": "ghcr.io/appform-io/test-task",
                                "dockerPullTimeout": "100 seconds"},
                 "resources": [{"type": "CPU", "count": 1}, {"type": "MEMORY", "sizeInMB": 128}],
                 "args": ["--debug"]}""", TaskSpec.class).orThrow();

        assertThat(rules.problems("spec.", withArgs)).containsExactly("spec.args are refused: command line arguments "
                + "are disabled on this cluster (controller option options.disableCmdlArgs)");
        assertThat(rules.problems("", spec("", ""))).isEmpty();
        assertThat(new HostAccessRules(List.of(), false).problems("", withArgs)).as("allowed by default").isEmpty();
    }

    @Test
    void everyKindOfDeviceIsDescribed() {
        List<DeviceSpec> oneOfEach = List.of(new DirectDeviceSpec("/dev/fuse", null, null),
                new DetailedDeviceSpec(null, 1, null, null, null));

        List<Class<?>> kinds = oneOfEach.stream().<Class<?>>map(Object::getClass).toList();
        assertThat(kinds).containsExactlyInAnyOrder(DeviceSpec.class.getPermittedSubclasses());
        assertThat(oneOfEach).extracting(HostAccessRules::describe)
                .containsExactly("(DIRECT /dev/fuse)", "(DETAILED default driver)");
    }

    /** A task spec with host volumes {@code a;b} and at most one device ({@code DIRECT path} or {@code DETAILED x}). */
    private static TaskSpec spec(String volumes, String device) {
        var volumeJson = list(volumes).stream()
                .map(path -> "{\"pathInContainer\": \"/mnt\", \"pathOnHost\": \"" + path
                        + "\", \"mode\": \"READ_ONLY\"}")
                .toList();
        var deviceJson = device.isEmpty() ? List.<String>of() : List.of(deviceJson(device));
        var json = """
                {"sourceAppName": "TEST_APP", "taskId": "T1",
                 "executable": {"type": "DOCKER", "url": "ghcr.io/appform-io/test-task",
                                "dockerPullTimeout": "100 seconds"},
                 "resources": [{"type": "CPU", "count": 1}, {"type": "MEMORY", "sizeInMB": 128}],
                 "volumes": [%s], "devices": [%s]}""".formatted(String.join(", ", volumeJson),
                String.join(", ", deviceJson));
        return ContractReader.standard().read(json, TaskSpec.class).orThrow();
    }

    private static String deviceJson(String device) {
        var parts = device.split(" ");
        return Map.of("DIRECT", "{\"type\": \"DIRECT\", \"pathOnHost\": \"%s\"}",
                        "DETAILED", "{\"type\": \"DETAILED\", \"driver\": \"%s\", \"count\": 1}")
                .get(parts[0]).formatted(parts[1]);
    }

    private static List<String> list(String joined) {
        return joined.isEmpty() ? List.of() : Arrays.asList(joined.split(";"));
    }
}
