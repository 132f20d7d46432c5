package dev.drove.e2e;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The deployment checks run with the test suite (issue 9: "systemd-analyze verify passes on them in CI"; "CI builds
 * both images on the local engine from a base image it makes locally and starts the executor image against the
 * host's Docker socket"): {@code systemd/verify.sh} and {@code docker/verify.sh}, exactly as an operator runs them,
 * must exit 0. Their output is the assertion message when they do not.
 *
 * <p>docker/verify.sh needs the three service jars (this module builds after them) and ports 10000, 10001, 11000 and
 * 11001 free on 127.0.0.1 (the production configs' ports, with host networking). It builds the base image only when
 * it is missing, so a run after the first takes well under a minute.
 */
class DeploymentScriptsIT {
    private static final Path ROOT = repositoryRoot();

    @Test
    void everySystemdUnitPassesSystemdAnalyzeVerify() throws Exception {
        var run = run(Duration.ofMinutes(2), "bash", "systemd/verify.sh");

        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.output()).contains("OK   ").doesNotContain("FAIL ");
    }

    @Test
    void bothImagesBuildLocallyAndTheExecutorImageJoinsTheControllerImageOnTheHostsDocker() throws Exception {
        var run = run(Duration.ofMinutes(4), "bash", "docker/verify.sh");

        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.output()).contains("controller lists the executor as ACTIVE", "All checks passed.");
    }

    private record Run(int exitCode, String output) {
    }

    private static Run run(Duration limit, String... command) throws IOException, InterruptedException {
        var log = Files.createTempFile("drove-script", ".log");
        try {
            var process = new ProcessBuilder(List.of(command)).directory(ROOT.toFile()).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
            if (!process.waitFor(limit.toSeconds(), TimeUnit.SECONDS)) {
                process.destroy();
                if (!process.waitFor(30, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor();
                }
                return new Run(-1, String.join(" ", command) + " did not finish within " + limit + ":\n"
                        + Files.readString(log));
            }
            return new Run(process.exitValue(), Files.readString(log));
        } finally {
            Files.deleteIfExists(log);
        }
    }

    private static Path repositoryRoot() {
        for (var dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("systemd/verify.sh"))
                    && Files.isRegularFile(dir.resolve("docker/verify.sh"))) {
                return dir;
            }
        }
        throw new IllegalStateException("No systemd/verify.sh and docker/verify.sh above "
                + Path.of("").toAbsolutePath());
    }
}
