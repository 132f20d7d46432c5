/**
 * Checks: how Drove decides that a container is ready and stays healthy.
 *
 * <pre>
 * CheckSpec{mode, timeout, interval, attempts, initialDelay}
 *   mode: CheckModeSpec  HTTP{protocol, portName, path, verb, successCodes, ...}  |  CMD{command, shellDisabled}
 * each run -> CheckResult{HEALTHY | UNHEALTHY | STOPPED, message}; `attempts` consecutive failures fail the check
 * </pre>
 * The same {@link dev.drove.models.application.checks.CheckModeSpec} shapes serve as pre-shutdown hooks.
 */
package dev.drove.models.application.checks;
