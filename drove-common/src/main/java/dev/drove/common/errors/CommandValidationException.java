package dev.drove.common.errors;

import java.util.List;

/**
 * Bad input from a user: answered with HTTP 400 and the original's envelope
 * ({@code status: FAILED, message: "Command validation failure", data.validationErrors}), and nothing is changed.
 */
public final class CommandValidationException extends RuntimeException {
    private final List<String> errors;

    public CommandValidationException(List<String> errors) {
        super(String.join("; ", errors));
        this.errors = List.copyOf(errors);
    }

    public CommandValidationException(String error) {
        this(List.of(error));
    }

    public List<String> errors() {
        return errors;
    }
}
