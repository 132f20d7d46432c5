package dev.drove.controller.statestore;

import dev.drove.common.testkit.ZookeeperExtension;
import dev.drove.models.application.ApplicationState;
import dev.drove.models.instance.InstanceState;
import dev.drove.models.operation.ApplicationScaleOperation;
import dev.drove.models.operation.ClusterOpSpec;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.test.TestingServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.charset.StandardCharsets;
import java.util.Date;

import static dev.drove.controller.statestore.TestRecords.application;
import static dev.drove.controller.statestore.TestRecords.instance;
import static org.assertj.core.api.Assertions.assertThat;

/** Applications and their runtime state in a real ZooKeeper, as two controllers see them. */
@ExtendWith(ZookeeperExtension.class)
class ZkApplicationStoreTest {

    @Test
    void anApplicationSavedByOneControllerIsReadByAnother(CuratorFramework curator, TestingServer server) {
        var app = application("billing", 2);
        new ZkApplicationStore(curator).save(app);

        try (var other = ZookeeperExtension.newClient(server.getConnectString())) {
            assertThat(new ZkApplicationStore(other).find(app.appId())).contains(app);
        }
    }

    @Test
    void savingAgainReplacesTheWholeDocument(CuratorFramework curator) {
        var store = new ZkApplicationStore(curator);
        var app = application("billing", 2);
        store.save(app);
        var scaled = app.withInstances(5, new Date(9_000));
        store.save(scaled);

        assertThat(store.find(app.appId())).contains(scaled);
        assertThat(store.all()).containsExactly(scaled);
    }

    @Test
    void everyApplicationIsListedInAppIdOrder(CuratorFramework curator) {
        var store = new ZkApplicationStore(curator);
        store.save(application("orders", 1));
        store.save(application("billing", 1));
        store.save(application("ledger", 0));

        assertThat(store.all()).extracting(app -> app.appId()).containsExactly("billing-1", "ledger-1", "orders-1");
    }

    @Test
    void readingWhatWasNeverStoredAnswersEmpty(CuratorFramework curator) {
        var store = new ZkApplicationStore(curator);

        assertThat(store.all()).isEmpty();
        assertThat(store.runtimes()).isEmpty();
        assertThat(store.find("billing-1")).isEmpty();
        assertThat(store.findRuntime("billing-1")).isEmpty();
        assertThat(store.find("")).isEmpty();
        assertThat(store.find("a/b")).isEmpty();
        assertThat(store.find(null)).isEmpty();
    }

    @Test
    void theOperationInFlightIsReadByTheNextLeader(CuratorFramework curator, TestingServer server) {
        var scale = new ApplicationScaleOperation("billing-1", 4, ClusterOpSpec.DEFAULT);
        var runtime = new AppRuntimeInfo("billing-1", ApplicationState.SCALING_REQUESTED, 4, scale, new Date(7_000));
        new ZkApplicationStore(curator).saveRuntime(runtime);

        try (var other = ZookeeperExtension.newClient(server.getConnectString())) {
            var read = new ZkApplicationStore(other).findRuntime("billing-1");
            assertThat(read).contains(runtime);
            assertThat(read.get().currentOperation()).isInstanceOf(ApplicationScaleOperation.class);
            assertThat(new ZkApplicationStore(other).runtimes()).containsExactly(runtime);
        }
    }

    @Test
    void aRuntimeWithoutAnOperationLeavesItOut(CuratorFramework curator) throws Exception {
        var store = new ZkApplicationStore(curator);
        store.saveRuntime(new AppRuntimeInfo("billing-1", ApplicationState.RUNNING, 2, null, new Date(7_000)));

        var json = new String(curator.getData().forPath("/appstate/billing-1"), StandardCharsets.UTF_8);
        assertThat(json).doesNotContain("currentOperation");
        assertThat(store.findRuntime("billing-1").orElseThrow().hasOperation()).isFalse();
    }

    @Test
    void deletingAnApplicationRemovesItsStateAndItsInstanceSubtree(CuratorFramework curator) throws Exception {
        var store = new ZkApplicationStore(curator);
        var instances = new ZkInstanceStore(curator);
        store.save(application("billing", 2));
        store.saveRuntime(new AppRuntimeInfo("billing-1", ApplicationState.RUNNING, 2, null, new Date()));
        instances.save(instance("billing-1", "AI-1", InstanceState.HEALTHY));
        instances.save(instance("billing-1", "AI-2", InstanceState.STOPPED));
        store.save(application("orders", 1));
        instances.save(instance("orders-1", "AI-3", InstanceState.HEALTHY));

        store.delete("billing-1");

        assertThat(curator.checkExists().forPath("/instances/billing-1")).isNull();
        assertThat(curator.checkExists().forPath("/appstate/billing-1")).isNull();
        assertThat(curator.checkExists().forPath("/applications/billing-1")).isNull();
        assertThat(store.find("billing-1")).isEmpty();
        assertThat(instances.all("billing-1")).isEmpty();
        assertThat(store.all()).extracting(app -> app.appId()).containsExactly("orders-1");
        assertThat(instances.all("orders-1")).extracting(i -> i.instanceId()).containsExactly("AI-3");
    }

    @Test
    void deletingAnUnknownApplicationDoesNothing(CuratorFramework curator) {
        var store = new ZkApplicationStore(curator);
        store.save(application("orders", 1));

        store.delete("billing-1");

        assertThat(store.all()).hasSize(1);
    }

    @Test
    void documentsAreCompactJsonAtTheDocumentedPath(CuratorFramework curator) throws Exception {
        new ZkApplicationStore(curator).save(application("billing", 2));

        var json = new String(curator.getData().forPath("/applications/billing-1"), StandardCharsets.UTF_8);
        assertThat(json).startsWith("{\"appId\":\"billing-1\"").doesNotContain("\n").doesNotContain(": ");
    }
}
