package dev.drove.controller.operations;

import com.google.inject.Guice;
import com.google.inject.Injector;
import dev.drove.common.auth.ClusterAuthConfig;
import dev.drove.common.auth.ClusterAuthFilter;
import dev.drove.common.http.ClusterHttpClient;
import dev.drove.common.http.NodeEndpoint;
import dev.drove.common.testkit.ZookeeperExtension;
import dev.drove.controller.auth.InstanceTokens;
import dev.drove.controller.cluster.ClusterModule;
import dev.drove.controller.cluster.ControllerMessagesResource;
import dev.drove.controller.leadership.LeaderElection;
import dev.drove.controller.leadership.LeadershipModule;
import dev.drove.controller.scheduler.SchedulerModule;
import dev.drove.controller.statestore.ApplicationStore;
import dev.drove.controller.statestore.InstanceStore;
import dev.drove.controller.statestore.StateStoreModule;
import dev.drove.models.info.nodedata.NodeTransportType;
import dev.drove.models.info.nodedata.NodeType;
import dev.drove.models.json.Json;
import io.dropwizard.testing.junit5.DropwizardClientExtension;
import org.apache.curator.framework.CuratorFramework;

import java.time.Duration;

/**
 * One controller as the application wires it (the feature modules through Guice), with its message intake served by
 * Dropwizard behind the cluster auth filter. Its own ZooKeeper client; {@link #close()} releases leadership.
 */
final class TestController implements AutoCloseable {
    private final CuratorFramework curator;
    private final Injector injector;
    private final DropwizardClientExtension intake;
    private final FakeExecutor.ReportTarget reportTarget;

    /**
     * @param selfPort a port unique per controller in the test: it names the controller in the election and its
     *                 node data (nothing listens there)
     */
    TestController(String connectString, ClusterAuthConfig auth, int selfPort, LifecycleOptions options) {
        this.curator = ZookeeperExtension.newClient(connectString);
        var client = new ClusterHttpClient(auth.credentials(NodeType.CONTROLLER, "controller-" + selfPort));
        this.injector = Guice.createInjector(
                new LeadershipModule(new NodeEndpoint(NodeTransportType.HTTP, "127.0.0.1", selfPort)),
                new StateStoreModule(), new SchedulerModule(),
                new ClusterModule(options.executorGracePeriod().toJavaDuration(), Duration.ofMillis(200)),
                new OperationsModule(options),
                binder -> {
                    binder.bind(CuratorFramework.class).toInstance(curator);
                    binder.bind(ClusterHttpClient.class).toInstance(client);
                    binder.bind(InstanceTokens.class).toInstance(InstanceTokens.withRandomSecret());
                });
        injector.getInstance(ApplicationEngine.class);
        this.intake = new DropwizardClientExtension(injector.getInstance(ControllerMessagesResource.class),
                new ClusterAuthFilter(auth));
        try {
            intake.before();
        } catch (Throwable e) {
            throw new IllegalStateException("The message intake did not start", e);
        }
        Json.configure(intake.getObjectMapper());
        var base = intake.baseUri();
        this.reportTarget = FakeExecutor.target(auth, new NodeEndpoint(NodeTransportType.HTTP, base.getHost(),
                base.getPort()), base.getPath() + "/apis/v1/messages");
        try {
            election().start();
        } catch (Exception e) {
            throw new IllegalStateException("The election did not start", e);
        }
    }

    ApplicationEngine engine() {
        return injector.getInstance(ApplicationEngine.class);
    }

    LeaderElection election() {
        return injector.getInstance(LeaderElection.class);
    }

    ApplicationStore applications() {
        return injector.getInstance(ApplicationStore.class);
    }

    InstanceStore instances() {
        return injector.getInstance(InstanceStore.class);
    }

    <T> T get(Class<T> type) {
        return injector.getInstance(type);
    }

    /** Where executors post reports to this controller. */
    FakeExecutor.ReportTarget reportTarget() {
        return reportTarget;
    }

    @Override
    public void close() {
        election().close();
        engine().close();
        intake.after();
        curator.close();
    }
}
