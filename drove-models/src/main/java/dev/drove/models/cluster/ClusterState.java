package dev.drove.models.cluster;

/** The mode of the whole cluster (docs: cluster/maintenance.md). */
public enum ClusterState {
    /** Outage detection and operations work as usual. */
    NORMAL,
    /** Container failures are not acted upon and operation submissions are refused. */
    MAINTENANCE
}
