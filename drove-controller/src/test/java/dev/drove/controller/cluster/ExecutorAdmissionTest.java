package dev.drove.controller.cluster;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.drove.common.discovery.NodeDataStore;
import dev.drove.common.testkit.ZookeeperExtension;
import dev.drove.controller.scheduler.ClusterResources;
import dev.drove.controller.statestore.ZkApplicationStore;
import dev.drove.controller.statestore.ZkInstanceStore;
import dev.drove.models.info.nodedata.ExecutorNodeData;
import dev.drove.models.instance.InstanceInfo;
import dev.drove.models.instance.InstanceState;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.test.TestingServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import static dev.drove.controller.cluster.ClusterTestData.APP_ID;
import static dev.drove.controller.cluster.ClusterTestData.EXECUTOR_ID;
import static dev.drove.controller.cluster.ClusterTestData.application;
import static dev.drove.controller.cluster.ClusterTestData.entry;
import static dev.drove.controller.cluster.ClusterTestData.instance;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An executor counts only once it has authenticated: its entry in ZooKeeper alone is no proof. A real ZooKeeper, the
 * executor publishing through its own session.
 */
@ExtendWith(ZookeeperExtension.class)
class ExecutorAdmissionTest {
    private static final Duration POLL = Duration.ofMillis(100);
    private static final Duration WINDOW = Duration.ofSeconds(1);
    private static final Duration A_FEW_SECONDS = Duration.ofSeconds(10);
    private static final String WARNING = "published itself but has not authenticated; check clusterAuth.secrets";

    private final ClusterResources resources = new ClusterResources();
    private final List<ExecutorNodeData> joins = new CopyOnWriteArrayList<>();
    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    private ExecutorTracker tracker;
    private ZkInstanceStore instances;
    private CuratorFramework executorSide;
    private NodeDataStore publisher;

    @BeforeEach
    void start(CuratorFramework curator, TestingServer server) {
        logs.start();
        admissionLogger().addAppender(logs);
        instances = new ZkInstanceStore(curator);
        executorSide = ZookeeperExtension.newClient(server.getConnectString());
        publisher = new NodeDataStore(executorSide);
    }

    @AfterEach
    void stop() {
        admissionLogger().detachAppender(logs);
        if (tracker != null) {
            tracker.close();
        }
        executorSide.close();
    }

    @Test
    void anExecutorThatOnlyPublishedItselfIsCountedNowhere(CuratorFramework curator) {
        tracker = tracker(curator, Duration.ofSeconds(45));
        publish(entry(5_000, instance("AI-1", InstanceState.HEALTHY, 4_000)));

        tracker.leadershipAcquired();

        await().atMost(A_FEW_SECONDS).until(() -> tracker.waitingExecutors().contains(EXECUTOR_ID));
        await().during(Duration.ofMillis(1_500)).atMost(A_FEW_SECONDS).until(() -> resources.executorIds().isEmpty()
                && tracker.executors().isEmpty() && !tracker.isAdmitted(EXECUTOR_ID) && joins.isEmpty()
                && instances.find(APP_ID, "AI-1").isEmpty());
    }

    @Test
    void anAuthenticatedMessageAdmitsTheWaitingExecutorAtOnce(CuratorFramework curator) {
        tracker = tracker(curator, Duration.ofSeconds(45));
        publish(entry(5_000, instance("AI-1", InstanceState.HEALTHY, 4_000)));
        tracker.leadershipAcquired();
        await().atMost(A_FEW_SECONDS).until(() -> tracker.waitingExecutors().contains(EXECUTOR_ID));

        tracker.admit(EXECUTOR_ID);

        assertThat(tracker.isAdmitted(EXECUTOR_ID)).isTrue();
        assertThat(resources.executorIds()).containsExactly(EXECUTOR_ID);
        assertThat(joins).singleElement().satisfies(data -> assertThat(data.port()).isEqualTo(ClusterTestData.PORT));
        assertThat(instances.find(APP_ID, "AI-1")).isPresent();
        await().atMost(A_FEW_SECONDS).until(() -> tracker.waitingExecutors().isEmpty());
    }

    @Test
    void aWaitingExecutorIsNamedInOneWarningOnceTheWindowHasPassed(CuratorFramework curator) {
        tracker = tracker(curator, Duration.ofSeconds(45));
        publish(entry(5_000));

        tracker.leadershipAcquired();

        await().atMost(A_FEW_SECONDS).until(() -> !warnings().isEmpty());
        await().during(Duration.ofSeconds(1)).atMost(A_FEW_SECONDS).until(() -> warnings().size() == 1);
        assertThat(warnings()).singleElement().satisfies(event -> {
            assertThat(event.getLevel()).isEqualTo(Level.WARN);
            assertThat(event.getFormattedMessage()).startsWith("Executor " + EXECUTOR_ID + " ("
                    + ClusterTestData.HOST + ":" + ClusterTestData.PORT + ") " + WARNING);
        });
    }

    @Test
    void anExecutorThatAuthenticatesInTimeIsNeverWarnedAbout(CuratorFramework curator) {
        tracker = tracker(curator, Duration.ofSeconds(45));
        publish(entry(5_000));
        tracker.observe(entry(5_000));

        tracker.leadershipAcquired();

        await().during(WINDOW.multipliedBy(2)).atMost(A_FEW_SECONDS)
                .until(() -> warnings().isEmpty() && resources.executorIds().contains(EXECUTOR_ID));
    }

    @Test
    void aNewLeaderKeepsTheInstancesOfAWaitingExecutorUntilItsSnapshotArrives(CuratorFramework curator) {
        var grace = Duration.ofSeconds(2);
        var healthy = instance("AI-1", InstanceState.HEALTHY, 4_000);
        instances.save(healthy);
        tracker = tracker(curator, grace);
        publish(entry(5_000, healthy));

        tracker.leadershipAcquired();
        await().during(Duration.ofSeconds(1)).atMost(A_FEW_SECONDS)
                .until(() -> stateOf("AI-1").equals(Optional.of(InstanceState.HEALTHY)));
        tracker.observe(entry(6_000, healthy));

        await().during(grace.plusSeconds(1)).atMost(A_FEW_SECONDS)
                .until(() -> stateOf("AI-1").equals(Optional.of(InstanceState.HEALTHY)));
        assertThat(resources.executorIds()).containsExactly(EXECUTOR_ID);
    }

    @Test
    void aPublishedExecutorThatNeverAuthenticatesLosesItsStoredInstancesAfterTheGrace(CuratorFramework curator) {
        instances.save(instance("AI-1", InstanceState.HEALTHY, 4_000));
        tracker = tracker(curator, Duration.ofSeconds(1));
        publish(entry(5_000, instance("AI-1", InstanceState.HEALTHY, 6_000)));

        tracker.leadershipAcquired();

        await().atMost(A_FEW_SECONDS).until(() -> stateOf("AI-1").equals(Optional.of(InstanceState.LOST)));
        assertThat(resources.executorIds()).isEmpty();
    }

    @Test
    void admissionOutlivesALeadershipChangeOfThisController(CuratorFramework curator) throws Exception {
        tracker = tracker(curator, Duration.ofSeconds(45));
        publish(entry(5_000));
        tracker.admit(EXECUTOR_ID);
        tracker.leadershipAcquired();
        await().atMost(A_FEW_SECONDS).until(() -> resources.executorIds().contains(EXECUTOR_ID));

        tracker.leadershipLost();
        tracker.leadershipAcquired();

        assertThat(tracker.awaitFirstPoll(WINDOW.dividedBy(2))).isTrue();
        assertThat(resources.executorIds()).containsExactly(EXECUTOR_ID);
    }

    @Test
    void theFirstPollOfATermWaitsForPublishedExecutorsToAuthenticate(CuratorFramework curator) throws Exception {
        tracker = new ExecutorTracker(new NodeDataStore(curator), resources, states(curator), instances,
                applications(curator), Duration.ofSeconds(45), POLL, Duration.ofSeconds(5));
        publish(entry(5_000));
        tracker.leadershipAcquired();

        assertThat(tracker.awaitFirstPoll(Duration.ofMillis(700))).isFalse();
        tracker.admit(EXECUTOR_ID);

        assertThat(tracker.awaitFirstPoll(Duration.ofSeconds(2))).isTrue();
        assertThat(resources.executorIds()).containsExactly(EXECUTOR_ID);
    }

    @Test
    void theFirstPollOfATermStopsWaitingOnceTheWindowHasPassed(CuratorFramework curator) throws Exception {
        tracker = tracker(curator, Duration.ofSeconds(45));
        publish(entry(5_000));
        long started = System.nanoTime();

        tracker.leadershipAcquired();

        assertThat(tracker.awaitFirstPoll(A_FEW_SECONDS)).isTrue();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(WINDOW);
        assertThat(resources.executorIds()).isEmpty();
    }

    @Test
    void anExecutorGivenUpAfterTheGraceMustAuthenticateAgain(CuratorFramework curator) {
        tracker = tracker(curator, Duration.ofSeconds(1));
        publish(entry(5_000));
        tracker.admit(EXECUTOR_ID);
        tracker.leadershipAcquired();
        await().atMost(A_FEW_SECONDS).until(() -> resources.executorIds().contains(EXECUTOR_ID));

        publisher.remove();
        await().atMost(A_FEW_SECONDS).until(() -> !tracker.isAdmitted(EXECUTOR_ID));
        publish(entry(7_000));

        await().atMost(A_FEW_SECONDS).until(() -> tracker.waitingExecutors().contains(EXECUTOR_ID));
        assertThat(resources.executorIds()).isEmpty();
    }

    /** Publishes {@code data} as the executor does, and waits until ZooKeeper has it. */
    private void publish(ExecutorNodeData data) {
        publisher.publish(data);
        try {
            assertThat(publisher.awaitPublished(A_FEW_SECONDS)).as("published").isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while publishing", e);
        }
    }

    private ExecutorTracker tracker(CuratorFramework curator, Duration grace) {
        var tracker = new ExecutorTracker(new NodeDataStore(curator), resources, states(curator), instances,
                applications(curator), grace, POLL, WINDOW);
        tracker.addJoinListener(joins::add);
        return tracker;
    }

    private InstanceStates states(CuratorFramework curator) {
        return new InstanceStates(instances, applications(curator));
    }

    private static ZkApplicationStore applications(CuratorFramework curator) {
        var applications = new ZkApplicationStore(curator);
        applications.save(application());
        return applications;
    }

    private Optional<InstanceState> stateOf(String instanceId) {
        return instances.find(APP_ID, instanceId).map(InstanceInfo::state);
    }

    private List<ILoggingEvent> warnings() {
        List<ILoggingEvent> events;
        synchronized (logs) { // the appender appends under its own lock
            events = List.copyOf(logs.list);
        }
        return events.stream().filter(event -> event.getFormattedMessage().contains(WARNING)).toList();
    }

    private static Logger admissionLogger() {
        return (Logger) LoggerFactory.getLogger(ExecutorAdmissions.class);
    }
}
