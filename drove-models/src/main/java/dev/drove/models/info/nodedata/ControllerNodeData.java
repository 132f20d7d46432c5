package dev.drove.models.info.nodedata;

import java.util.Date;

/** A controller's entry: where it listens and whether it is the leader (executors find the leader by it). */
public record ControllerNodeData(String hostname,
                                 int port,
                                 NodeTransportType transportType,
                                 Date updated,
                                 boolean leader) implements NodeData {
    @Override
    public NodeType type() {
        return NodeType.CONTROLLER;
    }
}
