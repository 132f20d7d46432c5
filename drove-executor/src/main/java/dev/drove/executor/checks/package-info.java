/**
 * Checks: how the executor decides that an instance's container is ready, stays healthy, and is let down gently
 * before it is killed (docs: applications/specification.md, "Check Specification" and "Configuring Pre Shutdown
 * Behaviour"; drove-contract.md §2.3 and §3).
 *
 * <p>Vocabulary:
 * <ul>
 *   <li><b>Checker</b> ({@link dev.drove.executor.checks.Checker}): one probe of one container, giving a
 *       {@code CheckResult} HEALTHY or UNHEALTHY with a message that says what happened. {@link
 *       dev.drove.executor.checks.Checkers#forMode} builds one from a {@code CheckModeSpec}: an HTTP call to
 *       {@code http(s)://localhost:{hostPort}{path}} or a command run inside the container through
 *       {@link dev.drove.executor.checks.ContainerCommands} ({@code docker exec}; {@code sh -c} unless the shell is
 *       disabled, then the command is split on spaces).</li>
 *   <li><b>Readiness</b>: after {@code initialDelay} (skipped when an executor recovers a running container), the
 *       check runs every {@code interval} until it passes once; {@code attempts} failures in a row fail it.</li>
 *   <li><b>Health</b>: the check runs every {@code interval} for as long as the instance lives; {@code attempts}
 *       failures in a row make the instance UNHEALTHY, and any pass resets the count.</li>
 *   <li><b>Stop signal</b> ({@link dev.drove.executor.checks.StopSignal}): tripped by the instance's state machine;
 *       every wait of the runners ends at once when it trips.</li>
 *   <li><b>Pre-shutdown hooks</b>: the same HTTP or command probes, each run once in order before the container
 *       is killed, then the {@code waitBeforeKill} grace time.</li>
 * </ul>
 *
 * <p>Flow of one instance (every step runs on the caller's thread; this package starts no threads):
 * <pre>
 * UNREADY --CheckRunner.awaitReady(readiness)--> READY | FAILED(message) | STOP_REQUESTED
 * HEALTHY --CheckRunner.watchHealth(healthcheck)--> UNHEALTHY(message) | STOP_REQUESTED
 *             \-- each run --> onEachResult(CheckResult)
 * STOPPING --PreShutdownRunner.run(preShutdown)--> hook 1 .. hook n (failures logged) --> waitBeforeKill --> kill
 * </pre>
 */
package dev.drove.executor.checks;
