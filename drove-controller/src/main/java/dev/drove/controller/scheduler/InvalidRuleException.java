package dev.drove.controller.scheduler;

/** A RULE_BASED rule that cannot be compiled; the message says what is wrong and where. */
final class InvalidRuleException extends RuntimeException {
    InvalidRuleException(String message) {
        super(message);
    }
}
