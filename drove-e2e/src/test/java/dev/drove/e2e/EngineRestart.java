package dev.drove.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;

/**
 * Restarts this machine's Docker engine the one safe way: SIGTERM to {@code dockerd}, wait for it to exit, then
 * {@code scripts/ensure-docker.sh} starts it again, detached in a session of its own and without our open files (a
 * dockerd started from the test's process would inherit the test lock and die with the test's process group). The
 * engine must run with live-restore, so the containers keep running while it is away; {@link #requireLiveRestore}
 * says so and names the script otherwise. Only for tests that hold {@code /tmp/drove-docker.lock}.
 */
final class EngineRestart {
    private static final Duration EXIT_WITHIN = Duration.ofSeconds(30);
    private static final Duration SCRIPT_WITHIN = Duration.ofSeconds(90);

    private EngineRestart() {
    }

    /** Fails unless the running engine reports LiveRestoreEnabled=true. */
    static void requireLiveRestore() {
        var enabled = run(List.of("docker", "info", "--format", "{{.LiveRestoreEnabled}}"), Duration.ofSeconds(30))
                .strip();
        if (!"true".equals(enabled)) {
            throw new IllegalStateException("The Docker engine runs without live-restore (LiveRestoreEnabled="
                    + enabled + "); restarting it would stop every container on this machine. Run "
                    + ensureDockerScript() + " (as root) to enable it");
        }
    }

    /** The dockerd process id. */
    static long enginePid() {
        var pids = run(List.of("pidof", "dockerd"), Duration.ofSeconds(10)).strip();
        if (pids.isEmpty() || pids.contains(" ")) {
            throw new IllegalStateException("Expected exactly one dockerd process, found '" + pids + "'");
        }
        return Long.parseLong(pids);
    }

    /** SIGTERM to dockerd; returns once it has exited. The containers keep running (live-restore). */
    static void stopEngine() {
        var pid = enginePid();
        var engine = ProcessHandle.of(pid).orElseThrow(() -> new IllegalStateException("dockerd " + pid + " is gone"));
        run(List.of("kill", "-TERM", Long.toString(pid)), Duration.ofSeconds(10));
        await("dockerd (pid " + pid + ") exits after SIGTERM").atMost(EXIT_WITHIN)
                .pollInterval(Duration.ofMillis(100)).until(() -> !engine.isAlive());
    }

    /** Starts the engine again through {@code scripts/ensure-docker.sh}, which waits until it answers. */
    static void startEngine(Path log) {
        var script = ensureDockerScript();
        try {
            var process = new ProcessBuilder("bash", script.toString())
                    .directory(script.getParent().getParent().toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                    .start();
            if (!process.waitFor(SCRIPT_WITHIN.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(script + " did not finish within " + SCRIPT_WITHIN.toSeconds()
                        + " s; see " + log);
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException(script + " failed with " + process.exitValue() + ": "
                        + Files.readString(log));
            }
        } catch (IOException e) {
            throw new IllegalStateException("Cannot run " + script + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while " + script + " restarted the engine", e);
        }
    }

    /** {@code scripts/ensure-docker.sh} of this repository, found upwards from the working directory. */
    static Path ensureDockerScript() {
        var dir = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        for (var at = dir; at != null; at = at.getParent()) {
            var script = at.resolve("scripts").resolve("ensure-docker.sh");
            if (Files.isRegularFile(script)) {
                return script;
            }
        }
        throw new IllegalStateException("No scripts/ensure-docker.sh above " + dir);
    }

    private static String run(List<String> command, Duration within) {
        try {
            var process = new ProcessBuilder(command).redirectErrorStream(true).start();
            process.getOutputStream().close();
            var output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(within.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(command + " did not finish within " + within.toSeconds() + " s");
            }
            return output;
        } catch (IOException e) {
            throw new IllegalStateException("Cannot run " + command + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted running " + command, e);
        }
    }
}
