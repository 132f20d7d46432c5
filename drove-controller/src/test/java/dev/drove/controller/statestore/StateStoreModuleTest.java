package dev.drove.controller.statestore;

import com.google.inject.Guice;
import dev.drove.common.http.NodeEndpoint;
import dev.drove.common.testkit.ZookeeperExtension;
import dev.drove.controller.leadership.LeaderElection;
import dev.drove.controller.leadership.LeadershipListener;
import dev.drove.controller.leadership.LeadershipModule;
import dev.drove.models.application.ApplicationInfo;
import dev.drove.models.info.nodedata.NodeTransportType;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.test.TestingServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static dev.drove.controller.statestore.TestRecords.application;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The stores as the controller wires them: one of each, the cached ones following the leader election. */
@ExtendWith(ZookeeperExtension.class)
class StateStoreModuleTest {

    @Test
    void theCachedStoresLoadWhenThisControllerLeadsAndLetGoWhenItStops(CuratorFramework curator,
                                                                       TestingServer server) throws Exception {
        try (var own = ZookeeperExtension.newClient(server.getConnectString())) {
            var injector = Guice.createInjector(binder -> binder.bind(CuratorFramework.class).toInstance(own),
                    new LeadershipModule(new NodeEndpoint(NodeTransportType.HTTP, "controller-1", 4000)),
                    new StateStoreModule());
            var applications = injector.getInstance(ApplicationStore.class);
            assertThat(applications).isInstanceOf(CachingApplicationStore.class)
                    .isSameAs(injector.getInstance(ApplicationStore.class));
            assertThat(injector.getInstance(InstanceStore.class))
                    .isSameAs(injector.getInstance(CachingInstanceStore.class));
            assertThat(injector.getInstance(LocalServiceStore.class)).isInstanceOf(CachingLocalServiceStore.class);
            assertThat(injector.getInstance(LocalServiceInstanceStore.class))
                    .isSameAs(injector.getInstance(CachingLocalServiceInstanceStore.class));
            assertThat(injector.getInstance(TaskStore.class)).isInstanceOf(CachingTaskStore.class);
            assertThat(injector.getInstance(ClusterStateStore.class)).isInstanceOf(CachingClusterStateStore.class);

            var elsewhere = new ZkApplicationStore(curator);
            elsewhere.save(application("billing", 2));
            var election = injector.getInstance(LeaderElection.class);
            var heard = new CopyOnWriteArrayList<String>();
            election.addListener(recorder(heard)); // after the caches, so it hears after them
            election.start();
            await().atMost(Duration.ofSeconds(5)).until(() -> heard.equals(List.of("acquired")));

            assertThat(applications.find("billing-1")).map(ApplicationInfo::instances).contains(2L);
            elsewhere.save(application("billing", 9));
            assertThat(applications.find("billing-1")).map(ApplicationInfo::instances).contains(2L);

            election.close();
            assertThat(heard).containsExactly("acquired", "lost");
            assertThat(applications.find("billing-1")).map(ApplicationInfo::instances).contains(9L);
        }
    }

    private static LeadershipListener recorder(List<String> heard) {
        return new LeadershipListener() {
            @Override
            public void leadershipAcquired() {
                heard.add("acquired");
            }

            @Override
            public void leadershipLost() {
                heard.add("lost");
            }
        };
    }
}
