package dev.drove.controller.auth;

/**
 * Why a call could not be authenticated (answered 401). The message goes to the caller and the log, so it never holds
 * a password or a token; {@link #who} names the claimed user or instance for the log, when one was named.
 */
final class AuthenticationFailure extends Exception {
    private final String who;

    AuthenticationFailure(String who, String message) {
        super(message, null, false, false);
        this.who = who;
    }

    String who() {
        return who;
    }
}
