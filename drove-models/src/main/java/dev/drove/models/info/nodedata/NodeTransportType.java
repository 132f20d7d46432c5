package dev.drove.models.info.nodedata;

/** The scheme other nodes use to reach a node's HTTP port. */
public enum NodeTransportType {
    HTTP,
    HTTPS
}
