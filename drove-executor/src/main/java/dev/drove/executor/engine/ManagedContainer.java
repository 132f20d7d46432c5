package dev.drove.executor.engine;

import java.util.Map;

/**
 * A container that carries the label {@value ContainerEngine#INSTANCE_ID_LABEL}, i.e. one this executor (or an earlier
 * run of it) started, running or not.
 *
 * @param id      the engine's container id
 * @param name    the container name without the leading slash
 * @param image   the image reference it was created from
 * @param state   the engine's state: {@code created}, {@code running}, {@code exited}, …
 * @param labels  all its labels
 */
public record ManagedContainer(String id, String name, String image, String state, Map<String, String> labels) {
    public ManagedContainer {
        labels = labels == null ? Map.of() : Map.copyOf(labels);
    }

    /** Whether the container is running (or paused or restarting, which the executor treats alike). */
    public boolean isRunning() {
        return "running".equals(state) || "paused".equals(state) || "restarting".equals(state);
    }

    /** The value of {@value ContainerEngine#INSTANCE_ID_LABEL}. */
    public String instanceId() {
        return labels.get(ContainerEngine.INSTANCE_ID_LABEL);
    }
}
