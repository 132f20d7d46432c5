package dev.drove.executor.checks;

import dev.drove.models.application.PreShutdownSpec;
import dev.drove.models.application.checks.CheckModeSpec;
import dev.drove.models.application.checks.CheckResult;
import dev.drove.models.instance.InstancePort;
import io.dropwizard.util.Duration;
import jakarta.inject.Inject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Lets a container down gently before it is killed (docs: applications/specification.md, "Configuring Pre Shutdown
 * Behaviour"): runs each hook once, in order, then waits {@code waitBeforeKill}. A failed hook is logged and the
 * next one still runs. Runs on the caller's thread.
 */
public final class PreShutdownRunner {
    /** How long one hook may take; the docs name no limit, so this is ours. */
    public static final Duration DEFAULT_HOOK_TIMEOUT = Duration.seconds(10);

    private static final Logger log = LoggerFactory.getLogger(PreShutdownRunner.class);

    private final Duration hookTimeout;

    @Inject
    public PreShutdownRunner() {
        this(DEFAULT_HOOK_TIMEOUT);
    }

    /** @param hookTimeout how long one hook may take (HTTP request timeout, command time limit) */
    public PreShutdownRunner(Duration hookTimeout) {
        this.hookTimeout = hookTimeout;
    }

    /**
     * Runs the hooks, then waits {@code waitBeforeKill}. The wait is the container's grace time: neither a stop
     * signal nor an interrupt shortens it (an interrupt is remembered and the flag set again when it ends).
     *
     * @param instanceId  for the log lines
     * @param ports       the instance's ports by name, for HTTP hooks
     * @param containerId where CMD hooks run
     * @return each hook's result, in the hooks' order
     */
    public List<CheckResult> run(PreShutdownSpec spec, String instanceId, Map<String, InstancePort> ports,
                                 String containerId, ContainerCommands commands) {
        List<CheckModeSpec> hooks = spec.hooks();
        List<CheckResult> results = new ArrayList<>(hooks.size());
        for (int i = 0; i < hooks.size(); i++) {
            String hook = "Pre-shutdown hook " + (i + 1) + " of " + hooks.size() + " for " + instanceId;
            CheckResult result = runHook(hooks.get(i), ports, containerId, commands);
            if (result.isHealthy()) {
                log.info("{}: {}", hook, result.message());
            } else {
                log.warn("{} failed; going on with the shutdown: {}", hook, result.message());
            }
            results.add(result);
        }
        if (spec.waitBeforeKill().toNanoseconds() > 0) {
            log.info("Waiting {} before the container of {} is killed", spec.waitBeforeKill(), instanceId);
            waitUninterruptibly(spec.waitBeforeKill().toJavaDuration());
        }
        return List.copyOf(results);
    }

    private CheckResult runHook(CheckModeSpec hook, Map<String, InstancePort> ports, String containerId,
                                ContainerCommands commands) {
        try {
            return CheckRunner.runOnce(Checkers.forMode(hook, hookTimeout, ports, containerId, commands));
        } catch (IllegalArgumentException e) {
            return CheckResult.unhealthy(e.getMessage());
        }
    }

    private static void waitUninterruptibly(java.time.Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        boolean interrupted = false;
        for (long left = wait.toNanos(); left > 0; left = deadline - System.nanoTime()) {
            try {
                TimeUnit.NANOSECONDS.sleep(left);
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
