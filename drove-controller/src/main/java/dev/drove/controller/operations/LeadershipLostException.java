package dev.drove.controller.operations;

/**
 * This controller stopped leading while an operation ran: the operation ends without writing anything more, and the
 * next leader resumes it from the store.
 */
final class LeadershipLostException extends RuntimeException {
    LeadershipLostException(String appId) {
        super("This controller no longer leads; leaving the operation on " + appId + " to the next leader");
    }
}
