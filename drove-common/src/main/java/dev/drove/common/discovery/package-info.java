/**
 * Who is in the cluster and who leads it, from the node data every node publishes in ZooKeeper.
 *
 * <p>Vocabulary: {@link dev.drove.common.discovery.NodeDataStore} publishes this node's entry (ephemeral
 * {@code /executor/{host}-{port}} or {@code /controller/{host}-{port}}, re-created after session loss) and lists
 * the others'; {@link dev.drove.common.discovery.LeaderObserver} follows the controller entry that says
 * {@code leader: true}; {@link dev.drove.common.discovery.ExecutorId} is an executor's stable id.
 *
 * <pre>
 * executor:   NodeDataStore.publish(ExecutorNodeData) ... every snapshot: publish again (replaces the data)
 * controller: NodeDataStore.publish(ControllerNodeData{leader}) ; executors() for the scheduler
 * executor:   LeaderObserver.start() -> leader() -> where to send ControllerMessages
 * session lost -> ZooKeeper deletes the entry -> PersistentNode creates it again on reconnect
 * </pre>
 */
package dev.drove.common.discovery;
