package dev.drove.controller;

import dev.drove.common.testkit.ServicePackageContract;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;

import static org.assertj.core.api.Assertions.assertThat;

/** The controller's .deb keeps {@link ServicePackageContract}; and the unit check can fail. */
class DebianPackageIT extends ServicePackageContract {

    DebianPackageIT() {
        super("controller", ControllerApplication.class);
    }

    @Test
    void verificationRejectsAUnitWithAMistake() throws Exception {
        var broken = Files.writeString(scratch().resolve("drove.broken.service"),
                "[Service]\nExecStart=/usr/bin/java -jar /usr/share/drove/drove-controller.jar\nRestart=sometimes\n");

        var process = new ProcessBuilder("bash", verifyScript().toString(), broken.toString())
                .redirectErrorStream(true).start();
        var output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(process.waitFor()).isNotZero();
        assertThat(output).contains("FAIL " + broken).contains("sometimes");
    }
}
