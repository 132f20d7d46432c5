package dev.drove.common.discovery;

import dev.drove.common.zookeeper.ZkPaths;
import dev.drove.models.info.nodedata.ExecutorNodeData;
import dev.drove.models.info.nodedata.NodeData;
import dev.drove.models.json.Json;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.recipes.cache.ChildData;
import org.apache.curator.framework.recipes.cache.CuratorCache;
import org.apache.curator.framework.recipes.cache.CuratorCacheListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.Closeable;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Every published executor entry ({@code /executor/*}), kept in memory by a ZooKeeper watch: an entry is read and
 * parsed when it appears or changes, not on every look. The leader looks at all of them every second; with a
 * thousand executors, reading them each time from ZooKeeper cost a thousand reads a second for entries that change
 * a few times an hour.
 *
 * <p>Built on Curator's {@link CuratorCache}, which brings the copy back in line with ZooKeeper after a reconnect.
 * While ZooKeeper is unreachable the last known entries stay. An entry that is not executor node data is logged once
 * per change and left out, so one bad entry does not hide the rest.
 */
public final class ExecutorEntries implements Closeable {
    private static final Logger log = LoggerFactory.getLogger(ExecutorEntries.class);

    private final CuratorCache cache;
    private final ConcurrentSkipListMap<String, ExecutorNodeData> entries = new ConcurrentSkipListMap<>();
    private final CountDownLatch loaded = new CountDownLatch(1);

    /** Watches {@code /executor} through {@code curator}; nothing is read until {@link #start()}. */
    public ExecutorEntries(CuratorFramework curator) {
        this.cache = CuratorCache.build(curator, ZkPaths.EXECUTOR);
        cache.listenable().addListener(CuratorCacheListener.builder()
                .forCreatesAndChanges((before, after) -> take(after))
                .forDeletes(gone -> entries.remove(gone.getPath()))
                .forInitialized(loaded::countDown)
                .build());
    }

    /** Starts watching; the entries come in the background ({@link #awaitLoaded}). */
    public void start() {
        cache.start();
    }

    /** Whether the entries present at {@link #start()} have all been read. */
    public boolean isLoaded() {
        return loaded.getCount() == 0;
    }

    /** Waits until the entries present at {@link #start()} have all been read; false when not within timeout. */
    public boolean awaitLoaded(Duration timeout) throws InterruptedException {
        return loaded.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Every executor entry as last seen, ordered by entry name (as {@link NodeDataStore#executors()}). */
    public List<ExecutorNodeData> executors() {
        return List.copyOf(entries.values());
    }

    @Override
    public void close() {
        cache.close();
        entries.clear();
    }

    private void take(ChildData child) {
        var path = child.getPath();
        if (!isEntry(path)) {
            return;
        }
        var data = child.getData();
        if (data == null || data.length == 0) {
            entries.remove(path);
            return;
        }
        try {
            var node = Json.mapper().readValue(data, NodeData.class);
            if (node instanceof ExecutorNodeData executor) {
                entries.put(path, executor);
            } else {
                entries.remove(path);
                log.warn("Skipping {}: it holds {} node data, not an executor's", path, node.type());
            }
        } catch (IOException e) {
            entries.remove(path);
            log.warn("Skipping {}: the data is not executor node data: {}", path, e.getMessage());
        }
    }

    /** A direct child of {@code /executor}; the watch also reports the parent itself. */
    private static boolean isEntry(String path) {
        return path.startsWith(ZkPaths.EXECUTOR + "/") && path.indexOf('/', ZkPaths.EXECUTOR.length() + 1) < 0;
    }
}
