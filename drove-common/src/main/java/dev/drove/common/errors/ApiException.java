package dev.drove.common.errors;

import jakarta.ws.rs.core.Response;

/**
 * A refusal with a status and a sentence for the user ("App TEST_APP-1 not found", "App TEST_APP-1 is being
 * scaled; cancel that operation first"), answered as {@code {status: FAILED, message}} with that HTTP status.
 */
public final class ApiException extends RuntimeException {
    private final Response.Status status;

    public ApiException(Response.Status status, String message) {
        super(message);
        this.status = status;
    }

    public static ApiException notFound(String format, Object... args) {
        return new ApiException(Response.Status.NOT_FOUND, String.format(format, args));
    }

    public static ApiException conflict(String format, Object... args) {
        return new ApiException(Response.Status.CONFLICT, String.format(format, args));
    }

    public static ApiException badRequest(String format, Object... args) {
        return new ApiException(Response.Status.BAD_REQUEST, String.format(format, args));
    }

    public Response.Status status() {
        return status;
    }
}
