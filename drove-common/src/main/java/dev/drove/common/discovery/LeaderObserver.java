package dev.drove.common.discovery;

import dev.drove.common.zookeeper.ZkPaths;
import dev.drove.models.info.nodedata.ControllerNodeData;
import dev.drove.models.info.nodedata.NodeData;
import dev.drove.models.json.Json;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.recipes.cache.ChildData;
import org.apache.curator.framework.recipes.cache.CuratorCache;
import org.apache.curator.framework.recipes.cache.CuratorCacheListener;
import org.apache.curator.utils.ZKPaths;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.Closeable;
import java.io.IOException;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Knows which controller leads: the one whose {@code /controller/*} entry says {@code leader: true}. It watches
 * those entries through a Curator {@link CuratorCache}, so a change is seen as soon as ZooKeeper reports it (the
 * original polled every 5 s). While two entries claim leadership (a handover in flight), the most recently updated
 * one is taken.
 *
 * <p>Listeners are called on Curator's event thread, in order, only when the leader changes to another node or
 * disappears; they must return quickly.
 */
public final class LeaderObserver implements Closeable {
    private static final Logger log = LoggerFactory.getLogger(LeaderObserver.class);

    private final CuratorCache cache;
    private final AtomicReference<Optional<ControllerNodeData>> leader = new AtomicReference<>(Optional.empty());
    private final List<Consumer<Optional<ControllerNodeData>>> listeners = new CopyOnWriteArrayList<>();

    public LeaderObserver(CuratorFramework curator) {
        this.cache = CuratorCache.build(curator, ZkPaths.CONTROLLER);
        cache.listenable().addListener(CuratorCacheListener.builder()
                .forAll((type, before, after) -> refresh())
                .forInitialized(this::refresh)
                .build());
    }

    /** Starts watching; {@link #leader()} is empty until the first entries have been read. */
    public void start() {
        cache.start();
    }

    /** The leader controller's latest published data, if a leader is known. */
    public Optional<ControllerNodeData> leader() {
        return leader.get();
    }

    /** Calls {@code listener} with the new leader (or empty) every time leadership moves. */
    public void onChange(Consumer<Optional<ControllerNodeData>> listener) {
        listeners.add(listener);
    }

    @Override
    public void close() throws IOException {
        cache.close();
    }

    private synchronized void refresh() {
        var current = cache.stream()
                .filter(entry -> ZkPaths.CONTROLLER.equals(ZKPaths.getPathAndNode(entry.getPath()).getPath()))
                .map(LeaderObserver::controller)
                .flatMap(Optional::stream)
                .filter(ControllerNodeData::leader)
                .max(Comparator.comparing(node -> node.updated() == null ? 0L : node.updated().getTime()));
        var previous = leader.getAndSet(current);
        if (!sameNode(previous, current)) {
            log.info("Leader controller is now {}", current.map(node -> node.hostname() + ":" + node.port())
                    .orElse("unknown"));
            listeners.forEach(listener -> listener.accept(current));
        }
    }

    private static Optional<ControllerNodeData> controller(ChildData entry) {
        if (entry.getData() == null || entry.getData().length == 0) {
            return Optional.empty();
        }
        try {
            var node = Json.mapper().readValue(entry.getData(), NodeData.class);
            return node instanceof ControllerNodeData controller ? Optional.of(controller) : Optional.empty();
        } catch (IOException e) {
            log.warn("Ignoring unreadable controller entry {}: {}", entry.getPath(), e.getMessage());
            return Optional.empty();
        }
    }

    private static boolean sameNode(Optional<ControllerNodeData> a, Optional<ControllerNodeData> b) {
        return Objects.equals(a.map(node -> node.hostname() + ":" + node.port()),
                b.map(node -> node.hostname() + ":" + node.port()));
    }
}
