package dev.drove.controller.metrics;

import com.codahale.metrics.MetricRegistry;
import com.codahale.metrics.Timer;
import org.apache.curator.drivers.TracerDriver;
import org.apache.curator.framework.CuratorFramework;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Times every ZooKeeper call this node makes (state store reads and writes, discovery, leader election) through
 * Curator's tracer hook, with no change to the stores: {@value #READS} (getData, getChildren, exists) and
 * {@value #WRITES} (create, setData, delete, transactions), and one timer per call kind,
 * {@code drove.zookeeper.<kind>}. Background calls are timed as well.
 */
public final class ZookeeperTimers implements TracerDriver {
    public static final String READS = "drove.zookeeper.reads";
    public static final String WRITES = "drove.zookeeper.writes";
    private static final String PREFIX = "drove.zookeeper";

    /** Curator's trace names (without "-Foreground"/"-Background") → our call kind; true for reads. */
    private static final Map<String, Kind> KINDS = Map.of(
            "GetDataBuilderImpl", new Kind("getData", true),
            "GetChildrenBuilderImpl", new Kind("getChildren", true),
            "ExistsBuilderImpl", new Kind("exists", true),
            "CreateBuilderImpl", new Kind("create", false),
            "SetDataBuilderImpl", new Kind("setData", false),
            "DeleteBuilderImpl", new Kind("delete", false),
            "CuratorMultiTransactionImpl", new Kind("transaction", false));

    private final MetricRegistry registry;
    private final Timer reads;
    private final Timer writes;
    private final Map<String, Timer> byKind = new ConcurrentHashMap<>();

    ZookeeperTimers(MetricRegistry registry) {
        this.registry = registry;
        this.reads = registry.timer(READS);
        this.writes = registry.timer(WRITES);
    }

    /** Starts timing {@code curator}'s calls into {@code registry}. */
    public static void install(CuratorFramework curator, MetricRegistry registry) {
        curator.getZookeeperClient().setTracerDriver(new ZookeeperTimers(registry));
    }

    @Override
    public void addTrace(String name, long time, TimeUnit unit) {
        var dash = name.lastIndexOf('-');
        var kind = KINDS.get(dash < 0 ? name : name.substring(0, dash));
        if (kind == null) {
            return;
        }
        (kind.read() ? reads : writes).update(time, unit);
        byKind.computeIfAbsent(kind.name(), any -> registry.timer(MetricRegistry.name(PREFIX, any)))
                .update(time, unit);
    }

    @Override
    public void addCount(String name, int increment) {
        // Curator counts retries and connection events here; the timers above are what we publish.
    }

    private record Kind(String name, boolean read) {
    }
}
