package dev.drove.executor.instances;

/**
 * A start or adoption that {@link Instances} refused before anything ran: the instance id is already tracked, or the
 * cores or memory the controller allocated cannot be locked here. The message says which, for the controller's
 * REJECTED answer and the operator.
 */
public final class StartRefusedException extends Exception {
    public StartRefusedException(String message) {
        super(message);
    }

    public StartRefusedException(String message, Throwable cause) {
        super(message, cause);
    }
}
