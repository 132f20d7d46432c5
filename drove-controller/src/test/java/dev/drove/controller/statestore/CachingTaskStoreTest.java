package dev.drove.controller.statestore;

import dev.drove.common.testkit.ZookeeperExtension;
import dev.drove.models.taskinstance.TaskInfo;
import dev.drove.models.taskinstance.TaskState;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.test.TestingServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static dev.drove.controller.statestore.TestRecords.task;
import static org.assertj.core.api.Assertions.assertThat;

/** The leader's copy of the tasks, in front of a real ZooKeeper. */
@ExtendWith(ZookeeperExtension.class)
class CachingTaskStoreTest {

    @Test
    void whatTheLeaderSavesAndDeletesReachesZooKeeper(CuratorFramework curator) {
        var leader = leading(curator);
        leader.save(task("billing", "T2", TaskState.RUNNING));
        leader.save(task("billing", "T1", TaskState.PENDING));
        leader.save(task("orders", "T3", TaskState.RUNNING));
        leader.delete("orders", "T3");

        var zookeeper = new ZkTaskStore(curator);
        assertThat(zookeeper.all()).extracting(TaskInfo::taskId).containsExactly("T1", "T2");
        assertThat(leader.all()).isEqualTo(zookeeper.all());
        assertThat(leader.tasks("billing")).isEqualTo(zookeeper.tasks("billing"));
        assertThat(leader.find("orders", "T3")).isEmpty();
    }

    @Test
    void aLeaderAnswersFromItsCopyOrderedLikeZooKeeperUntilItLosesLeadership(CuratorFramework curator,
                                                                              TestingServer server) {
        new ZkTaskStore(curator).save(task("orders", "T2", TaskState.RUNNING));
        var store = leading(curator);
        store.save(task("billing", "T9", TaskState.PENDING));
        store.save(task("billing", "T1", TaskState.RUNNING));
        assertThat(store.all()).extracting(task -> task.sourceAppName() + "/" + task.taskId())
                .containsExactly("billing/T1", "billing/T9", "orders/T2");

        try (var other = ZookeeperExtension.newClient(server.getConnectString())) {
            new ZkTaskStore(other).save(task("orders", "T5", TaskState.RUNNING));
        }
        assertThat(store.tasks("orders")).extracting(TaskInfo::taskId).containsExactly("T2");
        assertThat(store.find("orders", "T5")).isEmpty();

        store.leadershipLost();
        assertThat(store.tasks("orders")).extracting(TaskInfo::taskId).containsExactly("T2", "T5");
    }

    @Test
    void readingWhatWasNeverStoredAnswersEmptyWhileLeading(CuratorFramework curator) {
        var store = leading(curator);

        assertThat(store.all()).isEmpty();
        assertThat(store.tasks("billing")).isEmpty();
        assertThat(store.find("billing", "T1")).isEmpty();
        assertThat(store.find(null, null)).isEmpty();
    }

    private static CachingTaskStore leading(CuratorFramework curator) {
        var store = new CachingTaskStore(new ZkTaskStore(curator));
        store.leadershipAcquired();
        return store;
    }
}
