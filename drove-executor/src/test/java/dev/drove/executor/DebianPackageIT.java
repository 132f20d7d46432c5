package dev.drove.executor;

import dev.drove.common.testkit.ServicePackageContract;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The executor's .deb keeps {@link ServicePackageContract}; besides, its unit starts after Docker and may use its
 * socket, and postinst puts the drove user in the docker group and creates the instance-logs folder.
 */
class DebianPackageIT extends ServicePackageContract {

    DebianPackageIT() {
        super("executor", ExecutorApplication.class);
    }

    @Test
    void theUnitStartsAfterDockerAndMayUseItsSocket() throws Exception {
        assertThat(Files.readString(installedUnit())).containsPattern("(?m)^After=.*docker\\.service")
                .containsPattern("(?m)^Wants=.*docker\\.service")
                .contains("SupplementaryGroups=docker");
    }

    @Test
    void postinstAddsTheDroveUserToTheDockerGroupAndMakesTheInstanceLogsFolder() throws Exception {
        assertThat(Files.readString(controlFile("postinst"))).contains("adduser --quiet drove docker")
                .contains("$LOGS/instance-logs");
    }
}
