package dev.drove.models.api;

/** Whether an API call worked. Clients must check it even on HTTP 2xx (docs: apis/index.md). */
public enum ApiErrorCode {
    SUCCESS,
    FAILED
}
