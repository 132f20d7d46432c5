package dev.drove.controller.statestore;

import dev.drove.common.testkit.ZookeeperExtension;
import dev.drove.models.application.ApplicationInfo;
import dev.drove.models.application.ApplicationState;
import dev.drove.models.operation.ApplicationDestroyOperation;
import dev.drove.models.operation.ClusterOpSpec;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.test.TestingServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.Date;

import static dev.drove.controller.statestore.TestRecords.application;
import static dev.drove.controller.statestore.TestRecords.instance;
import static dev.drove.models.instance.InstanceState.HEALTHY;
import static org.assertj.core.api.Assertions.assertThat;

/** The leader's copy of the applications, in front of a real ZooKeeper. */
@ExtendWith(ZookeeperExtension.class)
class CachingApplicationStoreTest {

    @Test
    void whatTheLeaderSavesIsReadByAnotherControllerFromZooKeeper(CuratorFramework curator, TestingServer server) {
        var leader = leading(curator);
        var app = application("billing", 2);
        var runtime = new AppRuntimeInfo(app.appId(), ApplicationState.DESTROY_REQUESTED, 0,
                new ApplicationDestroyOperation(app.appId(), ClusterOpSpec.DEFAULT), new Date(8_000));
        leader.save(app);
        leader.saveRuntime(runtime);

        try (var other = ZookeeperExtension.newClient(server.getConnectString())) {
            var follower = new ZkApplicationStore(other);
            assertThat(follower.find(app.appId())).contains(app);
            assertThat(follower.findRuntime(app.appId())).contains(runtime);
        }
        assertThat(leader.all()).containsExactly(app);
        assertThat(leader.runtimes()).containsExactly(runtime);
    }

    @Test
    void aLeaderLoadsOnceAndAnswersFromItsCopyUntilItLosesLeadership(CuratorFramework curator,
                                                                     TestingServer server) {
        new ZkApplicationStore(curator).save(application("billing", 2));
        var store = leading(curator);
        assertThat(store.find("billing-1")).map(ApplicationInfo::instances).contains(2L);

        try (var other = ZookeeperExtension.newClient(server.getConnectString())) {
            var elsewhere = new ZkApplicationStore(other);
            elsewhere.save(application("billing", 7));
            elsewhere.save(application("orders", 1));
        }
        assertThat(store.find("billing-1")).map(ApplicationInfo::instances).contains(2L);
        assertThat(store.all()).hasSize(1);

        store.leadershipLost();
        assertThat(store.find("billing-1")).map(ApplicationInfo::instances).contains(7L);
        assertThat(store.all()).extracting(ApplicationInfo::appId).containsExactly("billing-1", "orders-1");
    }

    @Test
    void deletingAnApplicationDropsItsInstancesFromZooKeeperAndFromTheLeadersCopy(CuratorFramework curator)
            throws Exception {
        var instances = new CachingInstanceStore(new ZkInstanceStore(curator));
        instances.leadershipAcquired();
        var applications = new CachingApplicationStore(new ZkApplicationStore(curator), instances);
        applications.leadershipAcquired();
        applications.save(application("billing", 2));
        applications.saveRuntime(new AppRuntimeInfo("billing-1", ApplicationState.RUNNING, 2, null, new Date()));
        instances.save(instance("billing-1", "AI-1", HEALTHY));
        instances.save(instance("billing-1", "AI-2", HEALTHY));
        instances.save(instance("orders-1", "AI-3", HEALTHY));

        applications.delete("billing-1");

        assertThat(applications.find("billing-1")).isEmpty();
        assertThat(applications.findRuntime("billing-1")).isEmpty();
        assertThat(instances.all("billing-1")).isEmpty();
        assertThat(instances.all("orders-1")).hasSize(1);
        assertThat(curator.checkExists().forPath("/instances/billing-1")).isNull();
        assertThat(new ZkApplicationStore(curator).all()).isEmpty();
    }

    @Test
    void readingWhatWasNeverStoredAnswersEmptyWhileLeading(CuratorFramework curator) {
        var store = leading(curator);

        assertThat(store.all()).isEmpty();
        assertThat(store.find("billing-1")).isEmpty();
        assertThat(store.find(null)).isEmpty();
        assertThat(store.findRuntime("billing-1")).isEmpty();
    }

    private static CachingApplicationStore leading(CuratorFramework curator) {
        var instances = new CachingInstanceStore(new ZkInstanceStore(curator));
        instances.leadershipAcquired();
        var store = new CachingApplicationStore(new ZkApplicationStore(curator), instances);
        store.leadershipAcquired();
        return store;
    }
}
