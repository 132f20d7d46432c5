package dev.drove.models.application.placement;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/**
 * Executors for which an expression over their metadata holds.
 *
 * @param rule     the expression
 * @param ruleType its language
 */
public record RuleBasedPlacement(@NotBlank String rule, @NotNull RuleType ruleType) implements PlacementPolicy {

    /** The expression languages a rule may be written in. */
    public enum RuleType {
        HOPE,
        MVEL
    }
}
