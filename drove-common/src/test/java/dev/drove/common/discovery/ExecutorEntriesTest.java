package dev.drove.common.discovery;

import dev.drove.common.testkit.ZookeeperExtension;
import dev.drove.models.info.nodedata.ExecutorNodeData;
import dev.drove.models.info.nodedata.ExecutorState;
import dev.drove.models.json.Json;
import org.apache.curator.test.TestingServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static dev.drove.common.discovery.NodeDataStoreTest.client;
import static dev.drove.common.discovery.NodeDataStoreTest.controller;
import static dev.drove.common.discovery.NodeDataStoreTest.executor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The watched copy of the executor entries follows a real ZooKeeper: loads, additions, changes, removals. */
@ExtendWith(ZookeeperExtension.class)
class ExecutorEntriesTest {
    private static final Duration SOON = Duration.ofSeconds(5);

    @Test
    void entriesThereAtStartAreLoadedInEntryNameOrder(TestingServer server) throws Exception {
        try (var publishers = new Publishers(server); var reader = client(server);
             var entries = new NodeDataStore(reader).watchExecutors()) {
            var second = publishers.publish(executor("executor-b", ExecutorState.ACTIVE));
            var first = publishers.publish(executor("executor-a", ExecutorState.ACTIVE));

            entries.start();

            assertThat(entries.awaitLoaded(SOON)).isTrue();
            assertThat(entries.executors()).containsExactly(first, second);
            assertThat(entries.executors()).isEqualTo(new NodeDataStore(reader).executors());
        }
    }

    @Test
    void laterAdditionsChangesAndRemovalsFollow(TestingServer server) throws Exception {
        try (var publisher = client(server); var own = new NodeDataStore(publisher); var reader = client(server);
             var entries = new NodeDataStore(reader).watchExecutors()) {
            entries.start();
            assertThat(entries.awaitLoaded(SOON)).isTrue();
            assertThat(entries.executors()).isEmpty();

            own.publish(executor("executor-1", ExecutorState.ACTIVE));
            await().atMost(SOON).until(() -> entries.executors().size() == 1);

            var blacklisted = executor("executor-1", ExecutorState.BLACKLISTED);
            own.publish(blacklisted);
            await().atMost(SOON).until(() -> entries.executors().equals(List.of(blacklisted)));

            own.remove();
            await().atMost(SOON).until(() -> entries.executors().isEmpty());
        }
    }

    @Test
    void anEntryThatIsNotAnExecutorsIsLeftOutAndTheRestListed(TestingServer server) throws Exception {
        try (var publishers = new Publishers(server); var reader = client(server);
             var entries = new NodeDataStore(reader).watchExecutors()) {
            var good = publishers.publish(executor("executor-1", ExecutorState.ACTIVE));
            reader.create().forPath("/executor/garbage", "{not json".getBytes(StandardCharsets.UTF_8));
            reader.create().forPath("/executor/a-controller",
                    Json.mapper().writeValueAsBytes(controller("controller-1", true)));

            entries.start();

            assertThat(entries.awaitLoaded(SOON)).isTrue();
            assertThat(entries.executors()).containsExactly(good);
        }
    }

    @Test
    void theLastKnownEntriesStayWhileZooKeeperIsDownAndNewOnesComeAfter(TestingServer server) throws Exception {
        try (var publishers = new Publishers(server); var reader = client(server);
             var entries = new NodeDataStore(reader).watchExecutors()) {
            var known = publishers.publish(executor("executor-1", ExecutorState.ACTIVE));
            entries.start();
            assertThat(entries.awaitLoaded(SOON)).isTrue();

            server.stop();
            await().during(Duration.ofSeconds(2)).atMost(SOON).until(() -> entries.executors().equals(List.of(known)));
            server.restart();

            var later = publishers.publish(executor("executor-2", ExecutorState.ACTIVE));
            await().atMost(Duration.ofSeconds(30)).until(() -> entries.executors().equals(List.of(known, later)));
        }
    }

    /** Each published executor on its own session, as real executors are. */
    private static final class Publishers implements AutoCloseable {
        private final TestingServer server;
        private final List<AutoCloseable> open = new ArrayList<>();

        Publishers(TestingServer server) {
            this.server = server;
        }

        ExecutorNodeData publish(ExecutorNodeData data) throws InterruptedException {
            var curator = client(server);
            var store = new NodeDataStore(curator);
            open.add(curator);
            open.add(store);
            store.publish(data);
            assertThat(store.awaitPublished(SOON)).isTrue();
            return data;
        }

        @Override
        public void close() throws Exception {
            for (int i = open.size() - 1; i >= 0; i--) {
                open.get(i).close();
            }
        }
    }
}
