package dev.drove.models.operation;

/**
 * What an operation does when a step fails. Only STOP is implemented; ROLLBACK behaves like STOP, as in the original.
 */
public enum FailureStrategy {
    STOP,
    ROLLBACK
}
