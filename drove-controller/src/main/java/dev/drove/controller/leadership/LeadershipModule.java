package dev.drove.controller.leadership;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import dev.drove.common.http.NodeEndpoint;
import jakarta.inject.Singleton;
import org.apache.curator.framework.CuratorFramework;

/**
 * One {@link LeaderElection} per controller, for the node's {@link CuratorFramework} (bound elsewhere). The
 * application manages it ({@code environment.lifecycle().manage(...)}), which starts it and releases leadership at
 * shutdown.
 */
public final class LeadershipModule extends AbstractModule {
    private final NodeEndpoint self;

    /** @param self where this controller listens; published as its ControllerNodeData */
    public LeadershipModule(NodeEndpoint self) {
        this.self = self;
    }

    @Provides
    @Singleton
    LeaderElection leaderElection(CuratorFramework curator) {
        return new LeaderElection(curator, self);
    }
}
