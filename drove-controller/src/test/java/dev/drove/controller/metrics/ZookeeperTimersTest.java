package dev.drove.controller.metrics;

import com.codahale.metrics.MetricRegistry;
import dev.drove.common.testkit.ZookeeperExtension;
import dev.drove.common.zookeeper.ZkJsonStore;
import org.apache.curator.framework.CuratorFramework;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Store calls on a real ZooKeeper are timed as reads or writes, and by kind, without the store knowing. */
@ExtendWith(ZookeeperExtension.class)
class ZookeeperTimersTest {

    @Test
    void storeReadsAndWritesAreTimedByKind(CuratorFramework curator) throws Exception {
        var registry = new MetricRegistry();
        ZookeeperTimers.install(curator, registry);
        var store = new ZkJsonStore(curator);

        store.write("/applications/TEST_APP-1", Map.of("appId", "TEST_APP-1"));
        store.write("/applications/TEST_APP-1", Map.of("appId", "TEST_APP-1", "instances", 2));
        store.read("/applications/TEST_APP-1", Map.class);
        store.readChildren("/applications", Map.class);
        curator.checkExists().forPath("/applications/TEST_APP-1");
        store.delete("/applications/TEST_APP-1");

        assertThat(registry.timer(ZookeeperTimers.READS).getCount()).isGreaterThanOrEqualTo(4);
        assertThat(registry.timer(ZookeeperTimers.WRITES).getCount()).isGreaterThanOrEqualTo(3);
        assertThat(registry.getTimers()).containsKeys("drove.zookeeper.getData", "drove.zookeeper.getChildren",
                "drove.zookeeper.exists", "drove.zookeeper.delete");
        assertThat(registry.getTimers().keySet()).anyMatch(name -> name.equals("drove.zookeeper.create")
                || name.equals("drove.zookeeper.setData"));
    }

    @Test
    void tracesThatAreNotCallsAreIgnored() {
        var registry = new MetricRegistry();
        var timers = new ZookeeperTimers(registry);

        timers.addTrace("connection-state-parent-process", 5, java.util.concurrent.TimeUnit.MILLISECONDS);
        timers.addCount("retries-allowed", 1);

        assertThat(registry.timer(ZookeeperTimers.READS).getCount()).isZero();
        assertThat(registry.timer(ZookeeperTimers.WRITES).getCount()).isZero();
        assertThat(registry.getTimers()).hasSize(2);
    }
}
