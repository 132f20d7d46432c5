package dev.drove.controller.operations;

import dev.drove.common.auth.ClusterAuthConfig;
import dev.drove.common.discovery.NodeDataStore;
import dev.drove.common.errors.ApiException;
import dev.drove.common.http.ClusterHttpClient;
import dev.drove.common.messages.MessageSender;
import dev.drove.common.testkit.ZookeeperExtension;
import dev.drove.controller.cluster.ExecutorMessenger;
import dev.drove.controller.cluster.ExecutorTracker;
import dev.drove.controller.cluster.InstanceStates;
import dev.drove.controller.scheduler.ClusterResources;
import dev.drove.controller.scheduler.Scheduler;
import dev.drove.controller.statestore.AppRuntimeInfo;
import dev.drove.controller.statestore.ZkApplicationStore;
import dev.drove.controller.statestore.ZkInstanceStore;
import dev.drove.models.application.ApplicationInfo;
import dev.drove.models.application.ApplicationState;
import dev.drove.models.info.nodedata.NodeType;
import dev.drove.models.instance.InstanceInfo;
import dev.drove.models.instance.InstanceState;
import dev.drove.models.operation.ApplicationOperation;
import dev.drove.models.operation.ApplicationRecoverOperation;
import io.dropwizard.util.Duration;
import jakarta.ws.rs.core.Response;
import org.apache.curator.framework.CuratorFramework;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * What the engine refuses, and with which sentence, against applications stored in a real ZooKeeper. No executor
 * exists: nothing here needs one. The monitor runs once (at leadership) before the applications are stored.
 */
@ExtendWith(ZookeeperExtension.class)
class ApplicationEngineTest {
    private static final String APP_ID = "billing-1";
    private static final LifecycleOptions OPTIONS = new LifecycleOptions(Duration.seconds(5), 1, Duration.hours(1),
            Duration.seconds(45));

    /** How the application stands before the operation is submitted. */
    enum Seed { NONE, MONITORING, RUNNING, BUSY }

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

    static Stream<Arguments> refusals() {
        return Stream.of(
                arguments("an unknown app", Seed.NONE, TestApps.scale(APP_ID, 2), Response.Status.NOT_FOUND,
                        "App billing-1 not found"),
                arguments("creating an app that exists", Seed.MONITORING, TestApps.create("billing", 0),
                        Response.Status.CONFLICT, "App billing-1 already exists"),
                arguments("destroying a running app", Seed.RUNNING, TestApps.destroy(APP_ID),
                        Response.Status.CONFLICT, "App billing-1 is RUNNING; DESTROY is accepted only when it is "
                                + "MONITORING"),
                arguments("stopping instances of an app without any", Seed.MONITORING,
                        TestApps.stop(APP_ID, List.of("AI-1"), false), Response.Status.CONFLICT,
                        "App billing-1 is MONITORING; STOP_INSTANCES is accepted only when it is RUNNING"),
                arguments("replacing instances of an app without any", Seed.MONITORING,
                        TestApps.replace(APP_ID, Set.of()), Response.Status.CONFLICT,
                        "App billing-1 is MONITORING; REPLACE_INSTANCES is accepted only when it is RUNNING"),
                arguments("an app busy with another operation", Seed.BUSY, TestApps.scale(APP_ID, 5),
                        Response.Status.CONFLICT, "App billing-1 is busy with SCALE_INSTANCES; wait or cancel it"),
                arguments("starting no instances", Seed.RUNNING, TestApps.start(APP_ID, 0),
                        Response.Status.BAD_REQUEST, "START_INSTANCES of app billing-1 needs at least 1 instance"),
                arguments("stopping instances the app does not have", Seed.RUNNING,
                        TestApps.stop(APP_ID, List.of("AI-1", "AI-9"), false), Response.Status.BAD_REQUEST,
                        "App billing-1 has no active instances [AI-9]"),
                arguments("replacing instances the app does not have", Seed.RUNNING,
                        TestApps.replace(APP_ID, Set.of("AI-7")), Response.Status.BAD_REQUEST,
                        "App billing-1 has no active instances [AI-7]"),
                arguments("submitting the controller's own RECOVER", Seed.RUNNING,
                        new ApplicationRecoverOperation(APP_ID), Response.Status.BAD_REQUEST,
                        "RECOVER is run by the controller itself and cannot be submitted"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusals")
    void theEngineRefusesWithASentence(String name, Seed seed, ApplicationOperation operation,
                                       Response.Status status, String message, CuratorFramework curator)
            throws Exception {
        var applications = new ZkApplicationStore(curator);
        lead(curator);
        seed(curator, seed);
        var before = applications.findRuntime(APP_ID);

        assertThatThrownBy(() -> engine.submit(operation)).isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.status()).isEqualTo(status);
            assertThat(e.getMessage()).isEqualTo(message);
        });
        assertThat(applications.findRuntime(APP_ID)).as("nothing changed").isEqualTo(before);
    }

    @Test
    void aControllerThatDoesNotLeadRefusesEveryOperation(CuratorFramework curator) {
        engine = engine(curator);

        assertThatThrownBy(() -> engine.submit(TestApps.create("billing", 0)))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(Response.Status.BAD_REQUEST);
                    assertThat(e.getMessage()).isEqualTo("This node is not the leader controller");
                });
        assertThat(new ZkApplicationStore(curator).find(APP_ID)).isEmpty();
    }

    @Test
    void createAnswersAtOnceAndTheAppThenRestsInMonitoring(CuratorFramework curator) throws Exception {
        lead(curator);

        assertThat(engine.submit(TestApps.create("billing", 0))).isEqualTo(APP_ID);

        await().atMost(java.time.Duration.ofSeconds(10))
                .until(() -> engine.state(APP_ID).orElse(null) == ApplicationState.MONITORING);
        var stored = new ZkApplicationStore(curator);
        assertThat(stored.find(APP_ID)).map(ApplicationInfo::instances).contains(0L);
        await().atMost(java.time.Duration.ofSeconds(10))
                .until(() -> stored.findRuntime(APP_ID).map(runtime -> !runtime.hasOperation()).orElse(false));
    }

    @Test
    void aScaleThatCannotPlaceFailsWithTheSchedulersReasonAndKeepsTheExpectedCount(CuratorFramework curator)
            throws Exception {
        lead(curator);
        seed(curator, Seed.MONITORING);
        var stored = new ZkApplicationStore(curator);

        engine.submit(TestApps.scale(APP_ID, 2));

        await().atMost(java.time.Duration.ofSeconds(10)).until(() -> stored.findRuntime(APP_ID)
                .map(runtime -> !runtime.hasOperation() && runtime.state() == ApplicationState.RUNNING)
                .orElse(false));
        assertThat(stored.findRuntime(APP_ID).orElseThrow().expectedInstances()).isEqualTo(2);
        assertThat(new ZkInstanceStore(curator).all(APP_ID)).as("nothing was started").isEmpty();
    }

    @Test
    void cancellingAnAppWithoutARunningOperationSaysSo(CuratorFramework curator) throws Exception {
        lead(curator);
        seed(curator, Seed.RUNNING);

        assertThat(engine.cancel(APP_ID)).isFalse();
    }

    /** Leads with no applications stored, so the recovery pass has nothing to do, and waits for it. */
    private void lead(CuratorFramework curator) throws InterruptedException {
        engine = engine(curator);
        tracker.leadershipAcquired();
        engine.leadershipAcquired();
        assertThat(engine.awaitRecovery(java.time.Duration.ofSeconds(10))).isTrue();
    }

    private ApplicationEngine engine(CuratorFramework curator) {
        var applications = new ZkApplicationStore(curator);
        var instances = new ZkInstanceStore(curator);
        var resources = new ClusterResources();
        var states = new InstanceStates(instances, applications);
        tracker = new ExecutorTracker(new NodeDataStore(curator), resources, states, instances, applications,
                java.time.Duration.ofSeconds(45), java.time.Duration.ofMillis(100));
        var messenger = new ExecutorMessenger(new MessageSender(new ClusterHttpClient(
                ClusterAuthConfig.DEFAULTS.credentials(NodeType.CONTROLLER, "controller-1"))), id -> Optional.empty(),
                java.time.Duration.ofMillis(10), java.time.Duration.ofMillis(50));
        return new ApplicationEngine(applications, instances, states, new Scheduler(resources, new Random(7)),
                messenger, tracker, OPTIONS);
    }

    private static void seed(CuratorFramework curator, Seed seed) {
        if (seed == Seed.NONE) {
            return;
        }
        var applications = new ZkApplicationStore(curator);
        var running = seed != Seed.MONITORING;
        var expected = running ? 2 : 0;
        applications.save(new ApplicationInfo(APP_ID, TestApps.spec("billing"), expected, new Date(1_000),
                new Date(1_000)));
        applications.saveRuntime(new AppRuntimeInfo(APP_ID, running ? ApplicationState.RUNNING
                : ApplicationState.MONITORING, expected, seed == Seed.BUSY ? TestApps.scale(APP_ID, 3) : null,
                new Date(2_000)));
        if (running) {
            var instances = new ZkInstanceStore(curator);
            for (var id : List.of("AI-1", "AI-2")) {
                instances.save(new InstanceInfo(APP_ID, "billing", id, "executor-1", null, List.of(),
                        InstanceState.HEALTHY, Map.of(), "", new Date(1_000), new Date(1_000)));
            }
        }
    }
}
