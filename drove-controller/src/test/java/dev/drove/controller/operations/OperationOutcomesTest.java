package dev.drove.controller.operations;

import com.codahale.metrics.MetricRegistry;
import dev.drove.common.auth.ClusterAuthConfig;
import dev.drove.common.discovery.NodeDataStore;
import dev.drove.common.http.ClusterHttpClient;
import dev.drove.common.messages.MessageSender;
import dev.drove.common.testkit.ZookeeperExtension;
import dev.drove.controller.cluster.ExecutorMessenger;
import dev.drove.controller.cluster.ExecutorTracker;
import dev.drove.controller.cluster.InstanceStates;
import dev.drove.controller.metrics.OperationMetrics;
import dev.drove.controller.scheduler.ClusterResources;
import dev.drove.controller.scheduler.Scheduler;
import dev.drove.controller.statestore.ZkApplicationStore;
import dev.drove.controller.statestore.ZkInstanceStore;
import dev.drove.models.info.nodedata.NodeType;
import io.dropwizard.util.Duration;
import org.apache.curator.framework.CuratorFramework;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.Optional;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Ended operations are counted by type and outcome (drove.operations.&lt;TYPE&gt;.&lt;OUTCOME&gt;), on a real
 * ZooKeeper and a cluster without executors.
 */
@ExtendWith(ZookeeperExtension.class)
class OperationOutcomesTest {
    private static final String APP_ID = "billing-1";
    private static final LifecycleOptions OPTIONS = new LifecycleOptions(Duration.seconds(5), 1, Duration.hours(1),
            Duration.seconds(45));

    private final MetricRegistry registry = new MetricRegistry();
    private ExecutorTracker tracker;
    private ApplicationEngine engine;

    @AfterEach
    void stop() {
        if (engine != null) {
            engine.close();
        }
        if (tracker != null) {
            tracker.close();
        }
    }

    @Test
    void aCompletedOperationCountsAsSuccessAndOneWithNowhereToRunAsFailed(CuratorFramework curator)
            throws InterruptedException {
        lead(curator);

        engine.submit(TestApps.create("billing", 0));
        await().until(() -> count("CREATE.SUCCESS") == 1);

        engine.submit(TestApps.scale(APP_ID, 1));
        await().until(() -> count("SCALE_INSTANCES.FAILED") == 1);

        assertThat(count("SCALE_INSTANCES.SUCCESS")).isZero();
        assertThat(count("CREATE.FAILED")).isZero();
    }

    private long count(String typeAndOutcome) {
        return registry.meter(OperationMetrics.PREFIX + "." + typeAndOutcome).getCount();
    }

    private void lead(CuratorFramework curator) throws InterruptedException {
        var applications = new ZkApplicationStore(curator);
        var instances = new ZkInstanceStore(curator);
        var resources = new ClusterResources();
        var states = new InstanceStates(instances, applications);
        tracker = new ExecutorTracker(new NodeDataStore(curator), resources, states, instances, applications,
                java.time.Duration.ofSeconds(45), java.time.Duration.ofMillis(100));
        var messenger = new ExecutorMessenger(new MessageSender(new ClusterHttpClient(
                ClusterAuthConfig.DEFAULTS.credentials(NodeType.CONTROLLER, "controller-1"))), id -> Optional.empty(),
                java.time.Duration.ofMillis(10), java.time.Duration.ofMillis(50));
        engine = new ApplicationEngine(applications, instances, states, new Scheduler(resources, new Random(7)),
                messenger, tracker, OPTIONS, new OperationMetrics(registry));
        tracker.leadershipAcquired();
        engine.leadershipAcquired();
        assertThat(engine.awaitRecovery(java.time.Duration.ofSeconds(10))).isTrue();
    }
}
