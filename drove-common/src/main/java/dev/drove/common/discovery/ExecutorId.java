package dev.drove.common.discovery;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * The id of an executor: the name-based (version 3) UUID of {@code "{hostname}:{port}"}, as the original computes it.
 * It stays the same across restarts of the executor, so the controller recognises the executor and its containers.
 */
public final class ExecutorId {
    private ExecutorId() {
    }

    public static String of(String hostname, int port) {
        return UUID.nameUUIDFromBytes((hostname + ":" + port).getBytes(StandardCharsets.UTF_8)).toString();
    }
}
