package dev.drove.controller.statestore;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import dev.drove.controller.leadership.LeaderElection;
import dev.drove.controller.leadership.LeadershipListener;
import jakarta.inject.Singleton;
import org.apache.curator.framework.CuratorFramework;

/**
 * The controller's stores over the node's {@link CuratorFramework}. Applications, local services, their instances,
 * tasks and the cluster mode are cached while this controller leads (each cache follows the {@link LeaderElection}),
 * so the leader's reads, the API's included, never wait for ZooKeeper; a follower reads ZooKeeper on every call.
 */
public final class StateStoreModule extends AbstractModule {

    @Provides
    @Singleton
    CachingInstanceStore cachingInstanceStore(CuratorFramework curator, LeaderElection election) {
        return following(election, new CachingInstanceStore(new ZkInstanceStore(curator)));
    }

    @Provides
    @Singleton
    InstanceStore instanceStore(CachingInstanceStore instances) {
        return instances;
    }

    @Provides
    @Singleton
    ApplicationStore applicationStore(CuratorFramework curator, CachingInstanceStore instances,
                                      LeaderElection election) {
        return following(election, new CachingApplicationStore(new ZkApplicationStore(curator), instances));
    }

    @Provides
    @Singleton
    CachingLocalServiceInstanceStore cachingLocalServiceInstanceStore(CuratorFramework curator,
                                                                      LeaderElection election) {
        return following(election, new CachingLocalServiceInstanceStore(new ZkLocalServiceInstanceStore(curator)));
    }

    @Provides
    @Singleton
    LocalServiceInstanceStore localServiceInstanceStore(CachingLocalServiceInstanceStore instances) {
        return instances;
    }

    @Provides
    @Singleton
    LocalServiceStore localServiceStore(CuratorFramework curator, CachingLocalServiceInstanceStore instances,
                                        LeaderElection election) {
        return following(election, new CachingLocalServiceStore(new ZkLocalServiceStore(curator), instances));
    }

    @Provides
    @Singleton
    TaskStore taskStore(CuratorFramework curator, LeaderElection election) {
        return following(election, new CachingTaskStore(new ZkTaskStore(curator)));
    }

    @Provides
    @Singleton
    ClusterStateStore clusterStateStore(CuratorFramework curator, LeaderElection election) {
        return following(election, new CachingClusterStateStore(new ZkClusterStateStore(curator)));
    }

    private static <T extends LeadershipListener> T following(LeaderElection election, T cache) {
        election.addListener(cache);
        return cache;
    }
}
