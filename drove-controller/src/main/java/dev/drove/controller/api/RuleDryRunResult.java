package dev.drove.controller.api;

/**
 * The {@code data} of a rule dry-run (contract §2.1): {@code status} is true when the rule compiles and holds for the
 * executor; {@code checkResult} says whether it compiles, {@code evalResult} what it gave.
 */
public record RuleDryRunResult(boolean status, RuleCheckResponse checkResult, RuleEvalResponse evalResult) {

    /** Whether a step of the dry-run worked. */
    public enum RuleStatus {
        SUCCESS,
        FAILURE
    }

    /** Whether the rule compiles; {@code error} says why not. */
    public record RuleCheckResponse(RuleStatus status, String error) {
    }

    /** What the rule gave for the executor; FAILURE with {@code error} when it could not be evaluated. */
    public record RuleEvalResponse(RuleStatus status, boolean result, String error) {
    }
}
