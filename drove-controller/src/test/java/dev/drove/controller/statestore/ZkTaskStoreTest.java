package dev.drove.controller.statestore;

import dev.drove.common.testkit.ZookeeperExtension;
import dev.drove.models.taskinstance.TaskInfo;
import dev.drove.models.taskinstance.TaskState;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.test.TestingServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.Date;

import static dev.drove.controller.statestore.TestRecords.task;
import static org.assertj.core.api.Assertions.assertThat;

/** Task runs in a real ZooKeeper. */
@ExtendWith(ZookeeperExtension.class)
class ZkTaskStoreTest {

    @Test
    void aTaskSavedByOneControllerIsReadByAnother(CuratorFramework curator, TestingServer server) {
        var task = task("billing", "T0012", TaskState.STOPPED);
        new ZkTaskStore(curator).save(task);

        try (var other = ZookeeperExtension.newClient(server.getConnectString())) {
            assertThat(new ZkTaskStore(other).find("billing", "T0012")).contains(task);
        }
    }

    @Test
    void tasksAreListedPerSourceApplicationAndAltogether(CuratorFramework curator) {
        var store = new ZkTaskStore(curator);
        store.save(task("orders", "T2", TaskState.RUNNING));
        store.save(task("billing", "T9", TaskState.PENDING));
        store.save(task("billing", "T1", TaskState.RUNNING));

        assertThat(store.tasks("billing")).extracting(TaskInfo::taskId).containsExactly("T1", "T9");
        assertThat(store.all()).extracting(TaskInfo::qualifiedTaskId)
                .containsExactly("billing-T1", "billing-T9", "orders-T2");
        assertThat(store.tasks("ledger")).isEmpty();
    }

    @Test
    void aTaskUpdateReplacesItAndADeleteRemovesIt(CuratorFramework curator) {
        var store = new ZkTaskStore(curator);
        var running = task("billing", "T1", TaskState.RUNNING);
        store.save(running);
        var failed = running.withState(TaskState.RUN_FAILED, null, "exit code 3", new Date(9_000));
        store.save(failed);
        assertThat(store.find("billing", "T1")).contains(failed);

        store.delete("billing", "T1");
        store.delete("billing", "T404");

        assertThat(store.find("billing", "T1")).isEmpty();
        assertThat(store.all()).isEmpty();
    }
}
