/**
 * The connection to ZooKeeper and JSON documents in it.
 *
 * <p>Vocabulary: {@link dev.drove.common.zookeeper.ZkConfig} is the {@code zookeeper} config section;
 * {@link dev.drove.common.zookeeper.Curators#start} makes the node's one client (namespace applied, retry forever
 * once a second, connection changes logged for operators); {@link dev.drove.common.zookeeper.ZkPaths} is the tree's
 * layout; {@link dev.drove.common.zookeeper.ZkJsonStore} reads and writes documents with the project's mapper.
 *
 * <pre>
 * ZkConfig -> Curators.start -> CuratorFramework (namespace "drove")
 *   -> ZkJsonStore.write("/applications/billing-1", info)  = znode /drove/applications/billing-1, JSON
 *   -> discovery.NodeDataStore / LeaderObserver, controller stores, leader election ("/leaderselection")
 * </pre>
 */
package dev.drove.common.zookeeper;
