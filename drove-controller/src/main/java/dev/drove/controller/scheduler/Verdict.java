package dev.drove.controller.scheduler;

import java.util.Objects;

/**
 * What one {@link NodeFilter} decided about one executor. A rejection's reason is a singular predicate about the
 * executor that starts with its verb ("lacks tag gpu", "is BLACKLISTED"), so a failure summary can count it
 * ("2 lack tag gpu").
 */
record Verdict(boolean accepted, String reason) {
    static final Verdict ACCEPT = new Verdict(true, "");

    Verdict {
        Objects.requireNonNull(reason, "reason");
        if (!accepted && reason.isBlank()) {
            throw new IllegalArgumentException("A rejection must say why");
        }
    }

    static Verdict reject(String format, Object... args) {
        return new Verdict(false, String.format(format, args));
    }
}
