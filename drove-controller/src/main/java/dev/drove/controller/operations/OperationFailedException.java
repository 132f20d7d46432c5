package dev.drove.controller.operations;

/** A step of an operation failed; with failure strategy STOP the operation ends there. The message says why. */
final class OperationFailedException extends RuntimeException {
    OperationFailedException(String reason) {
        super(reason);
    }
}
