package dev.drove.models.api;

import com.fasterxml.jackson.annotation.JsonIgnore;

import java.util.List;
import java.util.Objects;

/**
 * The envelope of every controller API answer (contract §2.1): {@code status}, {@code data} (absent when null) and a
 * {@code message} that is {@code "success"} when the call worked and says what went wrong otherwise.
 *
 * @param <T> the type of {@code data}
 */
public record ApiResponse<T>(ApiErrorCode status, T data, String message) {
    public static final String SUCCESS_MESSAGE = "success";
    public static final String VALIDATION_FAILURE_MESSAGE = "Command validation failure";
    public static final String NOT_LEADER_MESSAGE = "This node is not the leader controller";

    public ApiResponse {
        Objects.requireNonNull(status, "status is required");
    }

    public static <T> ApiResponse<T> success(T data) {
        return new ApiResponse<>(ApiErrorCode.SUCCESS, data, SUCCESS_MESSAGE);
    }

    public static <T> ApiResponse<T> failure(String message) {
        return new ApiResponse<>(ApiErrorCode.FAILED, null, message);
    }

    public static <T> ApiResponse<T> failure(T data, String message) {
        return new ApiResponse<>(ApiErrorCode.FAILED, data, message);
    }

    /**
     * How bad input is answered (with HTTP 400): {@code {"status": "FAILED", "data": {"validationErrors": [...]},
     * "message": "Command validation failure"}}, the original's exact shape.
     */
    public static ApiResponse<ValidationErrors> validationFailure(List<String> errors) {
        return failure(new ValidationErrors(errors), VALIDATION_FAILURE_MESSAGE);
    }

    /** How a spec validation endpoint accepts a spec; {@code warnings} are written only when there are some. */
    public static ApiResponse<SpecValidity> validSpec(List<String> warnings) {
        return success(new SpecValidity(true, warnings));
    }

    /** How a controller that is not the leader refuses leader-only calls (with HTTP 400). */
    public static <T> ApiResponse<T> notLeader() {
        return failure(NOT_LEADER_MESSAGE);
    }

    /** Whether the call worked; not part of the JSON. */
    @JsonIgnore
    public boolean isSuccessful() {
        return status == ApiErrorCode.SUCCESS;
    }
}
