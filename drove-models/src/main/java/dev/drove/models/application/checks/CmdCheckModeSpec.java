package dev.drove.models.application.checks;

import jakarta.validation.constraints.NotBlank;

/**
 * A command run inside the container ({@code docker exec}); the check passes when it exits with 0.
 *
 * @param command       the command line
 * @param shellDisabled false (default): run through {@code sh -c}; true: split on spaces and run directly
 */
public record CmdCheckModeSpec(@NotBlank String command, boolean shellDisabled) implements CheckModeSpec {

    @Override
    public CheckMode checkMode() {
        return CheckMode.CMD;
    }
}
