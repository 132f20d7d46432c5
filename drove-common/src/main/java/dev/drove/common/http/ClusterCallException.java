package dev.drove.common.http;

/**
 * A call to another cluster node got no HTTP answer at all: no connection, a timeout, a broken connection, or the
 * body could not be written. Its message names the call and the cause; the caller decides whether to retry.
 */
public class ClusterCallException extends RuntimeException {
    public ClusterCallException(String message, Throwable cause) {
        super(message, cause);
    }
}
