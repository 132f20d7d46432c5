package dev.drove.controller.statestore;

import dev.drove.common.testkit.ZookeeperExtension;
import dev.drove.common.zookeeper.ZkStoreException;
import dev.drove.models.instance.InstanceInfo;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.test.TestingServer;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.drove.controller.statestore.TestRecords.instance;
import static dev.drove.models.instance.InstanceState.HEALTHY;
import static dev.drove.models.instance.InstanceState.PENDING;
import static dev.drove.models.instance.InstanceState.STARTING;
import static dev.drove.models.instance.InstanceState.STOPPED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@link CachingInstanceStore} keeps the instance store's contract while leading, and answers from its own copy
 * only while leading.
 */
class CachingInstanceStoreTest extends InstanceStoreContract {
    private static final String APP = "billing-1";

    @Override
    InstanceStore store(CuratorFramework curator) {
        var store = new CachingInstanceStore(new ZkInstanceStore(curator));
        store.leadershipAcquired();
        return store;
    }

    @Test
    void aLeaderAnswersFromTheCopyItLoadedAndAFollowerFromZooKeeper(CuratorFramework curator,
                                                                     TestingServer server) {
        new ZkInstanceStore(curator).save(instance(APP, "AI-1", HEALTHY));
        var store = new CachingInstanceStore(new ZkInstanceStore(curator));
        store.leadershipAcquired();
        assertThat(store.find(APP, "AI-1")).map(InstanceInfo::state).contains(HEALTHY);

        try (var other = ZookeeperExtension.newClient(server.getConnectString())) {
            new ZkInstanceStore(other).save(instance(APP, "AI-1", STOPPED));
            new ZkInstanceStore(other).save(instance(APP, "AI-2", HEALTHY));
        }
        assertThat(store.find(APP, "AI-1")).map(InstanceInfo::state).contains(HEALTHY);
        assertThat(store.all(APP)).hasSize(1);

        store.leadershipLost();
        assertThat(store.find(APP, "AI-1")).map(InstanceInfo::state).contains(STOPPED);
        assertThat(store.all(APP)).hasSize(2);

        store.leadershipAcquired();
        assertThat(store.all(APP)).extracting(InstanceInfo::instanceId).containsExactly("AI-1", "AI-2");
    }

    @Test
    void aLeaderKeepsPassingStatesOfAnInstanceItHoldsInMemoryAndWritesTheLastingOnes(CuratorFramework curator) {
        var zooKeeper = new ZkInstanceStore(curator);
        var store = new CachingInstanceStore(zooKeeper);
        store.leadershipAcquired();

        store.save(instance(APP, "AI-1", STARTING, 10, 10));
        assertThat(zooKeeper.find(APP, "AI-1")).as("an instance first seen passing is written")
                .map(InstanceInfo::state).contains(STARTING);
        store.save(instance(APP, "AI-2", PENDING, 10, 10));
        store.save(instance(APP, "AI-2", STARTING, 10, 20));
        assertThat(store.find(APP, "AI-2")).map(InstanceInfo::state).contains(STARTING);
        assertThat(zooKeeper.find(APP, "AI-2")).as("STARTING stays in memory").map(InstanceInfo::state)
                .contains(PENDING);

        store.save(instance(APP, "AI-2", HEALTHY, 10, 30));
        assertThat(zooKeeper.find(APP, "AI-2")).map(InstanceInfo::state).contains(HEALTHY);

        store.leadershipLost();
        store.save(instance(APP, "AI-2", STARTING, 10, 40));
        assertThat(zooKeeper.find(APP, "AI-2")).as("not leading: written through").map(InstanceInfo::state)
                .contains(STARTING);
    }

    @Test
    void aWriteThatZooKeeperRefusesLeavesTheCopyUnchanged(TestingServer server) {
        var doomed = ZookeeperExtension.newClient(server.getConnectString());
        var store = new CachingInstanceStore(new ZkInstanceStore(doomed));
        store.leadershipAcquired();
        store.save(instance(APP, "AI-1", HEALTHY));
        doomed.close();

        assertThatThrownBy(() -> store.save(instance(APP, "AI-1", STOPPED))).isInstanceOf(ZkStoreException.class);
        assertThatThrownBy(() -> store.deleteAll(APP)).isInstanceOf(ZkStoreException.class);
        assertThat(store.find(APP, "AI-1")).map(InstanceInfo::state).contains(HEALTHY);
    }

    @Test
    void writesRacingLeadershipChangesLeaveTheCopyEqualToZooKeeper(CuratorFramework curator) throws Exception {
        var store = new CachingInstanceStore(new ZkInstanceStore(curator));
        store.leadershipAcquired();
        var writers = Executors.newFixedThreadPool(6);
        var written = new AtomicInteger();
        int perWriter = 42; // a multiple of the 3 applications
        try {
            var done = new ArrayList<Future<?>>();
            for (int w = 0; w < 6; w++) {
                int writer = w;
                done.add(writers.submit(() -> {
                    for (int i = 0; i < perWriter; i++) {
                        store.save(instance("app" + (i % 3) + "-1", "AI-" + writer + "-" + i, HEALTHY));
                        written.incrementAndGet();
                    }
                }));
            }
            while (written.get() < 6 * perWriter / 2) {
                store.leadershipLost();
                store.leadershipAcquired();
                store.all("app0-1"); // loads while the writers write
            }
            for (var writer : done) {
                writer.get(30, TimeUnit.SECONDS);
            }
        } finally {
            writers.shutdownNow();
        }

        var zooKeeper = new ZkInstanceStore(curator);
        for (var app : List.of("app0-1", "app1-1", "app2-1")) {
            assertThat(store.all(app)).extracting(InstanceInfo::instanceId).hasSize(6 * perWriter / 3)
                    .containsExactlyElementsOf(zooKeeper.all(app).stream().map(InstanceInfo::instanceId).toList());
            assertThat(store.all(app)).isEqualTo(zooKeeper.all(app));
        }
    }
}
