package dev.drove.models.info.nodedata;

/** The two kinds of cluster node; the {@code type} of a {@link NodeData}. */
public enum NodeType {
    EXECUTOR,
    CONTROLLER
}
