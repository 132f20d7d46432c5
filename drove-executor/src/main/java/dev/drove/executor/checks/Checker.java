package dev.drove.executor.checks;

import dev.drove.models.application.checks.CheckResult;

/** One probe of one container. Build one with {@link Checkers#forMode}. */
public interface Checker {

    /**
     * Probes the container once, within the timeout the checker was built with.
     *
     * @return HEALTHY or UNHEALTHY, with a message for operators such as
     *         {@code "GET http://localhost:34567/health answered 500"}; set for passes too
     */
    CheckResult check();
}
