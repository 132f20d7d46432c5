package dev.drove.controller.scheduler;

/**
 * Whether a RULE_BASED rule compiles, for the API to answer before anything is placed (the later dry-run endpoint).
 *
 * @param valid whether the rule compiles and names only known variables
 * @param error what is wrong; empty when valid
 */
public record RuleCheck(boolean valid, String error) {
    private static final RuleCheck VALID = new RuleCheck(true, "");

    public RuleCheck {
        error = error == null ? "" : error;
    }

    /** Compiles {@code rule} the way placement will. Valid for either {@code ruleType}: both use the same language. */
    public static RuleCheck compile(String rule) {
        try {
            RuleLanguage.compile(rule);
            return VALID;
        } catch (InvalidRuleException e) {
            return new RuleCheck(false, e.getMessage());
        }
    }
}
