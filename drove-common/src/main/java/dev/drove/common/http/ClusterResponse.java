package dev.drove.common.http;

/**
 * What another node answered: the HTTP status, the body parsed as the type asked for, and the body as text.
 *
 * @param body the parsed body; null when the answer had no body or it was not JSON of the asked-for type (the
 *             text then shows what came instead, such as a proxy's error page)
 * @param text the body as received; empty when there was none
 */
public record ClusterResponse<T>(int status, T body, String text) {

    /** Whether the status is 2xx. */
    public boolean isSuccessful() {
        return status >= 200 && status < 300;
    }
}
