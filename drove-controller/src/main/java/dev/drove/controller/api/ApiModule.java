package dev.drove.controller.api;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import dev.drove.common.discovery.NodeDataStore;
import dev.drove.common.http.ClusterTls;
import dev.drove.common.http.NodeEndpoint;
import dev.drove.controller.leadership.LeaderElection;
import jakarta.inject.Singleton;

/**
 * The REST API's wiring. Resources are built by Guice from their {@code @Inject} constructors; this module adds the
 * {@link LeaderForwardingFilter}, which needs to know where this controller listens. Bound elsewhere and needed here:
 * the stores, {@link LeaderElection}, {@link NodeDataStore}, {@link ClusterTls} (the forwarding calls the leader with
 * it) and {@link ApplicationOperations} (the engine).
 */
public final class ApiModule extends AbstractModule {
    private final NodeEndpoint self;

    /** @param self where this controller listens, as its node data says */
    public ApiModule(NodeEndpoint self) {
        this.self = self;
    }

    @Provides
    @Singleton
    LeaderForwardingFilter leaderForwardingFilter(LeaderElection election, NodeDataStore nodes, ClusterTls tls) {
        return new LeaderForwardingFilter(election, nodes, self, tls);
    }

    @Provides
    @Singleton
    ClusterLeader clusterLeader(LeaderElection election, NodeDataStore nodes) {
        return new ClusterLeader(election, nodes, self);
    }
}
