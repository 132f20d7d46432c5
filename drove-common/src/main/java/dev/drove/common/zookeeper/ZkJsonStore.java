package dev.drove.common.zookeeper;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JavaType;
import dev.drove.models.json.Json;
import org.apache.curator.framework.CuratorFramework;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.KeeperException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * JSON documents in ZooKeeper, written and read with the project's one mapper. Paths are below the client's
 * namespace. Failures (other than a missing node where that is normal) throw {@link ZkStoreException} naming the path.
 */
public final class ZkJsonStore {
    private static final Logger log = LoggerFactory.getLogger(ZkJsonStore.class);

    private final CuratorFramework curator;

    public ZkJsonStore(CuratorFramework curator) {
        this.curator = curator;
    }

    /** The document at {@code path}, or empty when there is no such node (or it holds no data). */
    public <T> Optional<T> read(String path, Class<T> type) {
        return read(path, Json.mapper().constructType(type));
    }

    /** As {@link #read(String, Class)} for generic types. */
    public <T> Optional<T> read(String path, JavaType type) {
        byte[] data;
        try {
            data = curator.getData().forPath(path);
        } catch (KeeperException.NoNodeException e) {
            return Optional.empty();
        } catch (Exception e) {
            throw failure("read", path, e);
        }
        if (data == null || data.length == 0) {
            return Optional.empty();
        }
        try {
            return Optional.of(Json.mapper().readValue(data, type));
        } catch (IOException e) {
            throw new ZkStoreException("The data at " + path + " is not a " + type.getRawClass().getSimpleName()
                    + ": " + e.getMessage(), e);
        }
    }

    /**
     * The documents of every child of {@code parent}, in child-name order; empty when {@code parent} does not exist.
     * A child deleted while it is read is left out; one whose data cannot be read is logged and left out, so one bad
     * entry does not hide the rest.
     */
    public <T> List<T> readChildren(String parent, Class<T> type) {
        var documents = new ArrayList<T>();
        for (var child : children(parent)) {
            var path = ZkPaths.child(parent, child);
            try {
                read(path, type).ifPresent(documents::add);
            } catch (ZkStoreException e) {
                log.warn("Skipping {}: {}", path, e.getMessage());
            }
        }
        return documents;
    }

    /** Creates or replaces the document at {@code path} as a persistent node, creating missing parents. */
    public void write(String path, Object value) {
        write(path, value, CreateMode.PERSISTENT);
    }

    /**
     * Creates or replaces the document at {@code path} as a node that lives as long as this client's session.
     * Replacing keeps the existing node's mode. For a node that must survive session loss, use the discovery
     * package's {@code NodeDataStore} instead.
     */
    public void writeEphemeral(String path, Object value) {
        write(path, value, CreateMode.EPHEMERAL);
    }

    /** Deletes {@code path} and everything below it; nothing happens when it does not exist. */
    public void delete(String path) {
        try {
            curator.delete().quietly().deletingChildrenIfNeeded().forPath(path);
        } catch (Exception e) {
            throw failure("delete", path, e);
        }
    }

    /** The names of the children of {@code path}, sorted; empty when it does not exist. */
    public List<String> children(String path) {
        try {
            var names = new ArrayList<>(curator.getChildren().forPath(path));
            names.sort(null);
            return names;
        } catch (KeeperException.NoNodeException e) {
            return List.of();
        } catch (Exception e) {
            throw failure("list", path, e);
        }
    }

    /** Whether a node exists at {@code path}. */
    public boolean exists(String path) {
        try {
            return curator.checkExists().forPath(path) != null;
        } catch (Exception e) {
            throw failure("check", path, e);
        }
    }

    private void write(String path, Object value, CreateMode mode) {
        byte[] data;
        try {
            data = Json.mapper().writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new ZkStoreException("Could not write " + path + " as JSON: " + e.getOriginalMessage(), e);
        }
        try {
            curator.create().orSetData().creatingParentsIfNeeded().withMode(mode).forPath(path, data);
        } catch (Exception e) {
            throw failure("write", path, e);
        }
    }

    private static ZkStoreException failure(String action, String path, Exception e) {
        if (e instanceof InterruptedException) {
            Thread.currentThread().interrupt();
        }
        return new ZkStoreException("Could not " + action + " " + path + " in ZooKeeper: " + e.getMessage(), e);
    }
}
