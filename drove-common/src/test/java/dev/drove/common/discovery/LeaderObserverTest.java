package dev.drove.common.discovery;

import dev.drove.common.testkit.ZookeeperExtension;
import dev.drove.models.info.nodedata.ControllerNodeData;
import dev.drove.models.info.nodedata.NodeTransportType;
import org.apache.curator.test.TestingServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import static dev.drove.common.discovery.NodeDataStoreTest.client;
import static dev.drove.common.discovery.NodeDataStoreTest.controller;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Following the leader controller through a real ZooKeeper. */
@ExtendWith(ZookeeperExtension.class)
class LeaderObserverTest {
    private static final Duration WITHIN_A_SECOND = Duration.ofSeconds(1);

    @Test
    void leadershipMovesAreSeenWithinASecond(TestingServer server) throws Exception {
        try (var first = client(server); var second = client(server); var watcher = client(server);
             var firstStore = new NodeDataStore(first); var secondStore = new NodeDataStore(second);
             var observer = new LeaderObserver(watcher)) {
            var changes = new CopyOnWriteArrayList<String>();
            observer.onChange(leader -> changes.add(leader.map(ControllerNodeData::hostname).orElse("none")));
            observer.start();
            firstStore.publish(controller("controller-1", false));
            secondStore.publish(controller("controller-2", true));

            await().atMost(WITHIN_A_SECOND).until(() -> hostnameOf(observer.leader()).equals("controller-2"));

            secondStore.publish(controller("controller-2", false));
            firstStore.publish(controller("controller-1", true));
            await().atMost(WITHIN_A_SECOND).until(() -> hostnameOf(observer.leader()).equals("controller-1"));

            firstStore.remove();
            await().atMost(WITHIN_A_SECOND).until(() -> observer.leader().isEmpty());

            assertThat(changes).containsSubsequence("controller-2", "controller-1", "none");
            assertThat(changes.get(0)).isEqualTo("controller-2");
            assertThat(changes.get(changes.size() - 1)).isEqualTo("none");
        }
    }

    @Test
    void aLeaderPublishedBeforeTheObserverStartsIsKnownOnceItHasRead(TestingServer server) throws Exception {
        try (var leader = client(server); var watcher = client(server); var store = new NodeDataStore(leader)) {
            store.publish(controller("controller-1", true));
            store.awaitPublished(Duration.ofSeconds(5));

            try (var observer = new LeaderObserver(watcher)) {
                observer.start();
                await().atMost(WITHIN_A_SECOND).until(() -> observer.leader().isPresent());
                assertThat(observer.leader().get().port()).isEqualTo(4000);
            }
        }
    }

    @Test
    void aFollowerUpdatingItsEntryDoesNotCountAsALeadershipChange(TestingServer server) throws Exception {
        try (var one = client(server); var two = client(server); var watcher = client(server);
             var leaderStore = new NodeDataStore(one); var followerStore = new NodeDataStore(two);
             var observer = new LeaderObserver(watcher)) {
            var changes = new CopyOnWriteArrayList<Optional<ControllerNodeData>>();
            observer.onChange(changes::add);
            observer.start();
            leaderStore.publish(controller("controller-1", true));
            await().atMost(WITHIN_A_SECOND).until(() -> observer.leader().isPresent());

            followerStore.publish(controller("controller-2", false));
            followerStore.awaitPublished(Duration.ofSeconds(5));
            var republished = new ControllerNodeData("controller-1", 4000, NodeTransportType.HTTP, new Date(42), true);
            leaderStore.publish(republished);
            // ZooKeeper orders both writes; once the republished entry is seen, the follower's has been seen too
            await().atMost(WITHIN_A_SECOND).until(() -> observer.leader().equals(Optional.of(republished)));

            assertThat(changes).hasSize(1);
            assertThat(List.copyOf(changes).get(0).map(ControllerNodeData::hostname)).contains("controller-1");
        }
    }

    private static String hostnameOf(Optional<ControllerNodeData> leader) {
        return leader.map(ControllerNodeData::hostname).orElse("none");
    }
}
