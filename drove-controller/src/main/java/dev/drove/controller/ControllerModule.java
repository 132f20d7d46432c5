package dev.drove.controller;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import dev.drove.common.auth.ClusterAuthConfig;
import dev.drove.common.discovery.NodeDataStore;
import dev.drove.common.http.ClusterClientTimeouts;
import dev.drove.common.http.ClusterHttpClient;
import dev.drove.common.http.ClusterTls;
import dev.drove.common.http.NodeEndpoint;
import dev.drove.controller.api.ApplicationOperations;
import dev.drove.controller.operations.ApplicationEngine;
import dev.drove.models.application.ApplicationState;
import dev.drove.models.info.nodedata.NodeType;
import dev.drove.models.operation.ApplicationOperation;
import jakarta.inject.Singleton;
import org.apache.curator.framework.CuratorFramework;

import java.util.Optional;
import java.util.OptionalLong;

/**
 * What the feature modules share: this controller's endpoint, the ZooKeeper client, its trust in other nodes'
 * certificates ({@link ClusterTls}, from {@code clusterTls}), the inter-node HTTP client with the controller's cluster
 * secret, and the REST API's view of the application engine.
 */
final class ControllerModule extends AbstractModule {
    private final NodeEndpoint self;
    private final CuratorFramework curator;
    private final ClusterAuthConfig clusterAuth;
    private final ClusterTls clusterTls;

    ControllerModule(NodeEndpoint self, CuratorFramework curator, ClusterAuthConfig clusterAuth,
                     ClusterTls clusterTls) {
        this.self = self;
        this.curator = curator;
        this.clusterAuth = clusterAuth;
        this.clusterTls = clusterTls;
    }

    @Override
    protected void configure() {
        bind(NodeEndpoint.class).toInstance(self);
        bind(CuratorFramework.class).toInstance(curator);
        bind(ClusterTls.class).toInstance(clusterTls);
    }

    @Provides
    @Singleton
    NodeDataStore nodeDataStore() {
        return new NodeDataStore(curator);
    }

    @Provides
    @Singleton
    ClusterHttpClient clusterHttpClient() {
        return new ClusterHttpClient(clusterAuth.credentials(NodeType.CONTROLLER, self.hostname()),
                ClusterClientTimeouts.DEFAULTS, clusterTls);
    }

    @Provides
    @Singleton
    ApplicationOperations applicationOperations(ApplicationEngine engine) {
        return new ApplicationOperations() {
            @Override
            public String submit(ApplicationOperation operation) {
                return engine.submit(operation);
            }

            @Override
            public boolean cancel(String appId) {
                return engine.cancel(appId);
            }

            @Override
            public Optional<ApplicationState> state(String appId) {
                return engine.state(appId);
            }

            /** Constant: the engine's states are read from the ApplicationStore, whose stamp covers them. */
            @Override
            public OptionalLong stateStamp() {
                return OptionalLong.of(0);
            }
        };
    }
}
