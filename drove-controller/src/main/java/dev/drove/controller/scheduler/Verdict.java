package dev.drove.controller.scheduler;

import java.util.Objects;

/**
 * What one {@link NodeFilter} decided about one executor. A rejection's reason is a singular predicate about the
 * executor that starts with its verb ("lacks tag gpu", "is BLACKLISTED"), so a failure summary can count it
 * ("2 lack tag gpu"). The reason is formatted only when someone reads it: most rejections are passed over on the way
 * to an executor that fits, and only a failed placement reports them.
 */
final class Verdict {
    static final Verdict ACCEPT = new Verdict(true, "", new Object[0]);

    private final boolean accepted;
    private final String format;
    private final Object[] args;

    private Verdict(boolean accepted, String format, Object[] args) {
        this.accepted = accepted;
        this.format = Objects.requireNonNull(format, "reason");
        this.args = args;
        if (!accepted && format.isBlank()) {
            throw new IllegalArgumentException("A rejection must say why");
        }
    }

    /** A rejection whose reason is {@code String.format(format, args)}. */
    static Verdict reject(String format, Object... args) {
        return new Verdict(false, format, args);
    }

    boolean accepted() {
        return accepted;
    }

    /** Why the executor was rejected; empty for an acceptance. */
    String reason() {
        return args.length == 0 ? format : String.format(format, args);
    }

    @Override
    public String toString() {
        return accepted ? "ACCEPT" : "reject: " + reason();
    }
}
