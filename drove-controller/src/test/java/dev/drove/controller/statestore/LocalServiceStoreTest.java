package dev.drove.controller.statestore;

import dev.drove.common.testkit.ZookeeperExtension;
import dev.drove.models.localservice.ActivationState;
import dev.drove.models.localservice.LocalServiceInfo;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.test.TestingServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.Date;

import static dev.drove.controller.statestore.TestRecords.localService;
import static dev.drove.controller.statestore.TestRecords.serviceInstance;
import static dev.drove.models.instance.LocalServiceInstanceState.HEALTHY;
import static org.assertj.core.api.Assertions.assertThat;

/** Local services in a real ZooKeeper, directly and through the leader's copy. */
@ExtendWith(ZookeeperExtension.class)
class LocalServiceStoreTest {

    @Test
    void aServiceSavedByOneControllerIsReadByAnother(CuratorFramework curator, TestingServer server) {
        var service = localService("agent");
        new ZkLocalServiceStore(curator).save(service);

        try (var other = ZookeeperExtension.newClient(server.getConnectString())) {
            assertThat(new ZkLocalServiceStore(other).find("agent-1")).contains(service);
            assertThat(new ZkLocalServiceStore(other).all()).containsExactly(service);
        }
        assertThat(new ZkLocalServiceStore(curator).find("proxy-1")).isEmpty();
    }

    @Test
    void theLeaderWritesThroughAndListsServicesInIdOrder(CuratorFramework curator) {
        var leader = leading(curator);
        leader.save(localService("proxy"));
        leader.save(localService("agent"));
        var inactive = localService("agent").withActivationState(ActivationState.INACTIVE, new Date(9_000));
        leader.save(inactive);

        assertThat(leader.all()).extracting(LocalServiceInfo::serviceId).containsExactly("agent-1", "proxy-1");
        assertThat(new ZkLocalServiceStore(curator).find("agent-1")).contains(inactive);
    }

    @Test
    void deletingAServiceRemovesItsInstancesInZooKeeperAndInTheLeadersCopy(CuratorFramework curator)
            throws Exception {
        var instances = new CachingLocalServiceInstanceStore(new ZkLocalServiceInstanceStore(curator));
        instances.leadershipAcquired();
        var services = new CachingLocalServiceStore(new ZkLocalServiceStore(curator), instances);
        services.leadershipAcquired();
        services.save(localService("agent"));
        instances.save(serviceInstance("agent-1", "SI-1", HEALTHY, 10, 10));
        instances.save(serviceInstance("proxy-1", "SI-2", HEALTHY, 10, 10));

        services.delete("agent-1");

        assertThat(services.find("agent-1")).isEmpty();
        assertThat(instances.all("agent-1")).isEmpty();
        assertThat(instances.all("proxy-1")).hasSize(1);
        assertThat(curator.checkExists().forPath("/localserviceinstances/agent-1")).isNull();
        assertThat(curator.checkExists().forPath("/localservices/agent-1")).isNull();
    }

    private static CachingLocalServiceStore leading(CuratorFramework curator) {
        var instances = new CachingLocalServiceInstanceStore(new ZkLocalServiceInstanceStore(curator));
        instances.leadershipAcquired();
        var store = new CachingLocalServiceStore(new ZkLocalServiceStore(curator), instances);
        store.leadershipAcquired();
        return store;
    }
}
