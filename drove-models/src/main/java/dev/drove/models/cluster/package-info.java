/**
 * The cluster-wide mode the leader keeps in ZooKeeper (docs: cluster/maintenance.md).
 *
 * <pre>
 * NORMAL --POST /cluster/maintenance/set--> MAINTENANCE --POST /cluster/maintenance/unset--> NORMAL
 * </pre>
 * In MAINTENANCE outage detection is off and operation submissions are refused; {@link
 * dev.drove.models.cluster.ClusterStateData} is what both endpoints answer with.
 */
package dev.drove.models.cluster;
