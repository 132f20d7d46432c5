package dev.drove.executor.cluster;

import dev.drove.common.discovery.NodeDataStore;
import dev.drove.common.testkit.ZookeeperExtension;
import dev.drove.models.info.nodedata.ExecutorNodeData;
import dev.drove.models.info.nodedata.ExecutorState;
import dev.drove.models.info.nodedata.NodeTransportType;
import dev.drove.models.info.resources.ExecutorResourceSnapshot;
import org.apache.curator.framework.CuratorFramework;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The publisher writes this executor's node data when it changes, and not again when only its time moved on: with a
 * thousand executors the unchanged periodic rewrites were most of ZooKeeper's writes. A real ZooKeeper.
 */
@ExtendWith(ZookeeperExtension.class)
class NodePublisherTest {

    @Test
    void anUnchangedSnapshotIsNotWrittenAgainButAChangedOneIs(CuratorFramework curator) throws Exception {
        var state = new AtomicReference<>(ExecutorState.ACTIVE);
        var built = new AtomicInteger();
        var store = new NodeDataStore(curator);
        var publisher = new NodePublisher(store, () -> {
            built.incrementAndGet();
            return nodeData(state.get());
        }, Duration.ofMillis(50));
        var path = NodeDataStore.path(nodeData(ExecutorState.ACTIVE));
        publisher.start();
        try {
            await("the first write").atMost(Duration.ofSeconds(10))
                    .until(() -> curator.checkExists().forPath(path) != null);
            int version = curator.checkExists().forPath(path).getVersion();
            int before = built.get();
            await("ten more periods").atMost(Duration.ofSeconds(10)).until(() -> built.get() >= before + 10);
            assertThat(curator.checkExists().forPath(path).getVersion()).as("nothing but the time changed")
                    .isEqualTo(version);

            state.set(ExecutorState.BLACKLISTED);
            publisher.refresh();
            await("the changed data written").atMost(Duration.ofSeconds(10))
                    .until(() -> curator.checkExists().forPath(path).getVersion() == version + 1);
            assertThat(store.executors()).singleElement().extracting(ExecutorNodeData::executorState)
                    .isEqualTo(ExecutorState.BLACKLISTED);
        } finally {
            publisher.stop();
            store.close();
        }
    }

    @Test
    void snapshotsAreTheSameButForTimeOnlyWhenEveryOtherFieldIsEqual() {
        var a = nodeData(ExecutorState.ACTIVE);
        var later = new ExecutorNodeData(a.hostname(), a.port(), a.transportType(), new Date(a.updated().getTime() + 1),
                a.state(), a.instances(), a.tasks(), a.serviceInstances(), a.tags(), a.metadata(), a.executorState());
        assertThat(NodePublisher.sameButTime(a, later)).isTrue();
        assertThat(NodePublisher.sameButTime(a, nodeData(ExecutorState.BLACKLISTED))).isFalse();
        var otherTags = new ExecutorNodeData(a.hostname(), a.port(), a.transportType(), a.updated(), a.state(),
                a.instances(), a.tasks(), a.serviceInstances(), java.util.Set.of("gpu"), a.metadata(),
                a.executorState());
        assertThat(NodePublisher.sameButTime(a, otherTags)).isFalse();
    }

    private static ExecutorNodeData nodeData(ExecutorState state) {
        return new ExecutorNodeData("127.0.0.1", 7000, NodeTransportType.HTTP, new Date(),
                new ExecutorResourceSnapshot("executor-under-test", null, null, null), List.of(), List.of(),
                List.of(), null, Map.of(), state);
    }
}
