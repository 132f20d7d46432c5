/**
 * What each cluster node publishes about itself (ZooKeeper {@code /executor/*} and {@code /controller/*}) and what
 * {@code GET /apis/v1/cluster/executors/{id}} returns (docs: apis/cluster.md).
 *
 * <pre>
 * NodeData{type}
 *   EXECUTOR   ExecutorNodeData: hostname, port, transportType, updated, state (resources), instances, tasks,
 *              serviceInstances, tags, metadata, executorState (+ derived "blacklisted")
 *   CONTROLLER ControllerNodeData: hostname, port, transportType, updated, leader
 * ExecutorState: ACTIVE --blacklist--> BLACKLIST_REQUESTED --apps moved--> BLACKLISTED --unblacklist--> ACTIVE
 * </pre>
 */
package dev.drove.models.info.nodedata;
