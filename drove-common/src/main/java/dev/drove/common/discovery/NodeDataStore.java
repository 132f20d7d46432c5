package dev.drove.common.discovery;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.drove.common.zookeeper.ZkJsonStore;
import dev.drove.common.zookeeper.ZkPaths;
import dev.drove.common.zookeeper.ZkStoreException;
import dev.drove.models.info.nodedata.ControllerNodeData;
import dev.drove.models.info.nodedata.ExecutorNodeData;
import dev.drove.models.info.nodedata.NodeData;
import dev.drove.models.info.nodedata.NodeType;
import dev.drove.models.json.Json;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.recipes.nodes.PersistentNode;
import org.apache.zookeeper.CreateMode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.Closeable;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Who is in the cluster: every node publishes its {@link NodeData} as an ephemeral znode
 * {@code /executor/{hostname}-{port}} or {@code /controller/{hostname}-{port}} and reads the others' (contract §4).
 *
 * <p>This node's entry is a Curator {@link PersistentNode}: it is created in the background, and created again
 * whenever it vanishes (session expiry after a ZooKeeper outage, a deleted node) as long as this store has not
 * removed it, without the caller doing anything. The entry disappears for others when this node's session ends, so a
 * node that dies leaves the cluster after the session timeout.
 */
public final class NodeDataStore implements Closeable {
    private static final java.time.Duration REMOVAL_WAIT = java.time.Duration.ofSeconds(2);
    private static final Logger log = LoggerFactory.getLogger(NodeDataStore.class);

    private final CuratorFramework curator;
    private final ZkJsonStore store;
    private PersistentNode own;
    private String ownPath;

    public NodeDataStore(CuratorFramework curator) {
        this.curator = curator;
        this.store = new ZkJsonStore(curator);
    }

    /** Where the entry of {@code node} lives. */
    public static String path(NodeData node) {
        var parent = node.type() == NodeType.EXECUTOR ? ZkPaths.EXECUTOR : ZkPaths.CONTROLLER;
        return ZkPaths.child(parent, node.hostname() + "-" + node.port());
    }

    /**
     * Publishes this node's data, or replaces what it published before. Returns at once; the entry appears as soon as
     * ZooKeeper is reachable ({@link #awaitPublished} waits for it). A store publishes one node: publishing a node of
     * another type, host or port without {@link #remove()} first is a bug and throws.
     */
    public synchronized void publish(NodeData self) {
        var path = path(self);
        var data = json(self);
        if (own != null && !path.equals(ownPath)) {
            throw new IllegalStateException("This store publishes " + ownPath + "; remove it before publishing "
                    + path);
        }
        if (own != null && own.getActualPath() != null) {
            try {
                own.setData(data);
                return;
            } catch (Exception e) {
                throw new IllegalStateException("Could not update " + path + ": " + e.getMessage(), e);
            }
        }
        if (own != null) {
            closeOwn(); // never created yet: start over with the new data
        }
        own = new PersistentNode(curator, CreateMode.EPHEMERAL, false, path, data);
        ownPath = path;
        own.start();
        log.info("Publishing {} node data at {}", self.type(), path);
    }

    /** Waits until this node's entry exists in ZooKeeper; false when it did not within {@code timeout}. */
    public boolean awaitPublished(Duration timeout) throws InterruptedException {
        PersistentNode node;
        synchronized (this) {
            node = own;
        }
        if (node == null) {
            throw new IllegalStateException("Nothing has been published");
        }
        return node.waitForInitialCreate(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Removes this node's entry, so others stop seeing it now rather than at session end. Idempotent. */
    public synchronized void remove() {
        if (own != null) {
            log.info("Removing node data at {}", ownPath);
            closeOwn();
        }
    }

    /** Every published executor, ordered by entry name. */
    public List<ExecutorNodeData> executors() {
        return store.readChildren(ZkPaths.EXECUTOR, NodeData.class).stream()
                .filter(ExecutorNodeData.class::isInstance)
                .map(ExecutorNodeData.class::cast)
                .toList();
    }

    /**
     * A watch on every published executor that keeps them in memory ({@link ExecutorEntries}), for a reader that
     * looks at all of them often; the caller starts and closes it.
     */
    public ExecutorEntries watchExecutors() {
        return new ExecutorEntries(curator);
    }

    /** Whether the entry of {@code node} is in ZooKeeper now (read from ZooKeeper itself, not a watch). */
    public boolean isPublished(NodeData node) {
        var path = path(node);
        try {
            return curator.checkExists().forPath(path) != null;
        } catch (Exception e) {
            throw new ZkStoreException("Could not check " + path + ": " + e.getMessage(), e);
        }
    }

    /** The published executor with the id {@code executorId} ({@link ExecutorId}), if any. */
    public Optional<ExecutorNodeData> executor(String executorId) {
        return executors().stream()
                .filter(node -> ExecutorId.of(node.hostname(), node.port()).equals(executorId))
                .findFirst();
    }

    /** Every published controller, ordered by entry name. */
    public List<ControllerNodeData> controllers() {
        return store.readChildren(ZkPaths.CONTROLLER, NodeData.class).stream()
                .filter(ControllerNodeData.class::isInstance)
                .map(ControllerNodeData.class::cast)
                .toList();
    }

    /** Same as {@link #remove()}. */
    @Override
    public void close() {
        remove();
    }

    /**
     * Closes the entry's recipe, which deletes the znode. The delete runs on its own thread and is waited for at
     * most {@link #REMOVAL_WAIT}: with ZooKeeper unreachable it would otherwise retry for a whole session timeout,
     * holding up shutdown, while the ephemeral entry goes with the session anyway.
     */
    private void closeOwn() {
        var closing = own;
        var path = ownPath;
        own = null;
        ownPath = null;
        var removal = new Thread(() -> {
            try {
                closing.close();
            } catch (IOException | RuntimeException e) {
                log.warn("Could not delete {} ({}); it goes when the session ends", path, e.getMessage());
            }
        }, "node-data-removal");
        removal.setDaemon(true);
        removal.start();
        try {
            removal.join(REMOVAL_WAIT.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (removal.isAlive()) {
            log.warn("ZooKeeper did not confirm removing {}; it goes when the session ends", path);
        }
    }

    private static byte[] json(NodeData node) {
        try {
            return Json.mapper().writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Could not write node data as JSON: " + e.getOriginalMessage(), e);
        }
    }
}
