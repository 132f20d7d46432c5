package dev.drove.common.messages;

import dev.drove.models.info.nodedata.ExecutorNodeData;

import java.util.Objects;

/** The executor's whole state: what it would publish as its node data (contract §4, RPC mode). */
public record ExecutorSnapshotMessage(MessageHeader header, ExecutorNodeData nodeData) implements ControllerMessage {
    public ExecutorSnapshotMessage {
        Objects.requireNonNull(header, "header is required");
        Objects.requireNonNull(nodeData, "nodeData is required");
    }

    @Override
    public ControllerMessageType type() {
        return ControllerMessageType.EXECUTOR_SNAPSHOT;
    }
}
