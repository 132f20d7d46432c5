package dev.drove.executor.instances;

/**
 * What one step decided: the next state and, when something went wrong, the error for the instance's
 * {@code errorMessage} and the words that end the operator's log line ("Instance … of … is UNHEALTHY" + detail).
 * The machine applies it in one place ({@link InstanceMachine}); steps only return it.
 *
 * @param to     the next state; the machine checks it against the lifecycle table
 * @param error  the new {@code errorMessage}, or null to keep the current one
 * @param detail appended to the log line, e.g. {@code " after 3 failed checks: GET … answered 500"}; may be empty
 */
record Move<S extends Enum<S>>(S to, String error, String detail) {
    Move {
        detail = detail == null ? "" : detail;
    }

    /** A plain move that keeps the error message as it is. */
    static <S extends Enum<S>> Move<S> to(S state) {
        return new Move<>(state, null, "");
    }

    /** A move into a failure: the error becomes the {@code errorMessage} and ends the log line after a colon. */
    static <S extends Enum<S>> Move<S> failed(S state, String error) {
        return new Move<>(state, error, ": " + error);
    }
}
