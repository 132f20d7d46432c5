package dev.drove.controller.blacklist;

import dev.drove.common.errors.ApiException;
import dev.drove.common.messages.ExecutorMessage;
import dev.drove.common.messages.MessageResponse;
import dev.drove.common.messages.UnblacklistMessage;
import dev.drove.common.testkit.ZookeeperExtension;
import dev.drove.controller.events.EventBus;
import dev.drove.models.api.ApiResponse;
import dev.drove.models.events.DroveEvent;
import dev.drove.models.info.nodedata.ExecutorNodeData;
import dev.drove.models.info.nodedata.ExecutorState;
import dev.drove.models.instance.LocalServiceInstanceInfo;
import dev.drove.models.instance.LocalServiceInstanceState;
import dev.drove.models.taskinstance.TaskInfo;
import dev.drove.models.taskinstance.TaskState;
import org.apache.curator.framework.CuratorFramework;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

import static dev.drove.controller.blacklist.TestApps.executorId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Blacklisting on a leader, over a real ZooKeeper for the book, an in-memory engine that replaces instances step by
 * step ({@link TestApps}), and executors that publish what the controller tells them.
 */
@ExtendWith(ZookeeperExtension.class)
class BlacklistingTest {
    private static final String A = executorId(5001);
    private static final String B = executorId(5002);
    private static final String C = executorId(5003);
    private static final Duration WAIT = Duration.ofSeconds(10);

    private final Map<String, ExecutorNodeData> published = new ConcurrentHashMap<>();
    private final List<String> told = new CopyOnWriteArrayList<>();
    /** How many steps the engine had taken when each message was sent. */
    private final List<Integer> stepsWhenTold = new CopyOnWriteArrayList<>();
    private final AtomicBoolean maintenance = new AtomicBoolean();
    private final EventBus events = new EventBus(Duration.ofHours(1));
    private TestApps apps;
    private BlacklistBook book;
    private Blacklisting blacklisting;

    @BeforeEach
    void startLeading(CuratorFramework curator) {
        publish(5001, ExecutorState.ACTIVE);
        publish(5002, ExecutorState.ACTIVE);
        publish(5003, ExecutorState.ACTIVE);
        apps = new TestApps(B);
        book = new BlacklistBook(curator, Clock.systemUTC());
    }

    @AfterEach
    void stop() {
        if (blacklisting != null) {
            blacklisting.close();
        }
        apps.close();
    }

    @Test
    void eachAppIsMovedOnceOneAtATimeAndTheExecutorsAreBlacklistedOnlyOnceEmpty() {
        apps.app("ALPHA-1", A, A, B).app("BETA-1", A, C).app("GAMMA-1", B);
        lead(Duration.ofSeconds(1));

        var answer = blacklisting.blacklist(List.of(A, C));

        assertThat(answer.successful()).containsExactly(A, C);
        assertThat(answer.failed()).isEmpty();
        assertThat(book.stateOf(A)).contains(ExecutorState.BLACKLIST_REQUESTED);
        await().atMost(WAIT).until(() -> isBlacklisted(A) && isBlacklisted(C));
        assertThat(apps.submitted()).extracting(op -> op.appId() + " " + op.instanceIds().size())
                .containsExactly("ALPHA-1 2", "BETA-1 2");
        assertThat(apps.submitted()).allSatisfy(op -> {
            assertThat(op.stopFirst()).as("replacements start first").isFalse();
            assertThat(op.opSpec().parallelism()).isEqualTo(1);
        });
        assertThat(apps.mostOperationsAtOnce()).as("one app at a time").isEqualTo(1);
        assertThat(apps.executorsOf("ALPHA-1")).containsExactly(B, B, B);
        assertThat(apps.executorsOf("BETA-1")).containsExactly(B, B);
        assertThat(apps.fewestHealthy("ALPHA-1")).isEqualTo(3);
        assertThat(apps.fewestHealthy("BETA-1")).isEqualTo(2);
        assertThat(apps.steps().get(0)).startsWith("start ");
        assertThat(executorEvents().subList(0, 2)).containsExactly("EXECUTOR_BLACKLIST_REQUESTED " + A,
                "EXECUTOR_BLACKLIST_REQUESTED " + C);
        assertThat(executorEvents().subList(2, 4)).containsExactlyInAnyOrder("EXECUTOR_BLACKLISTED " + A,
                "EXECUTOR_BLACKLISTED " + C);
        await().atMost(WAIT).until(() -> published.get(A).executorState() == ExecutorState.BLACKLISTED
                && published.get(C).executorState() == ExecutorState.BLACKLISTED);
        assertThat(told).containsExactlyInAnyOrder("BLACKLIST " + A, "BLACKLIST " + C);
    }

    @Test
    void theExecutorIsToldOnlyOnceItsLastApplicationInstanceHasMoved() {
        apps.app("ALPHA-1", A, A);
        lead(Duration.ofSeconds(1));

        blacklisting.blacklist(List.of(A));

        await().atMost(WAIT).until(() -> !told.isEmpty());
        assertThat(apps.executorsOf("ALPHA-1")).containsExactly(B, B);
        assertThat(apps.steps()).hasSize(4);
        assertThat(apps.steps().get(3)).startsWith("stop ").endsWith(" on " + A);
        assertThat(told).containsExactly("BLACKLIST " + A);
        assertThat(stepsWhenTold).containsExactly(4);
    }

    @Test
    void tasksAndLocalServiceInstancesStayAndTheExecutorIsBlacklistedAtOnce() {
        published.put(A, withTaskAndService(published.get(A)));
        lead(Duration.ofSeconds(1));

        blacklisting.blacklist(List.of(A));

        await().atMost(WAIT).until(() -> isBlacklisted(A) && !told.isEmpty());
        assertThat(apps.submitted()).isEmpty();
        assertThat(told).containsExactly("BLACKLIST " + A);
        assertThat(published.get(A).tasks()).hasSize(1);
        assertThat(published.get(A).serviceInstances()).hasSize(1);
    }

    @Test
    void unknownIdsAreRefusedAndRepeatsChangeNothing() {
        lead(Duration.ofSeconds(1));
        var first = blacklisting.blacklist(List.of(A, "nope", A));
        var again = blacklisting.blacklist(List.of(A));

        assertThat(first.successful()).containsExactly(A);
        assertThat(first.failed()).containsExactly("nope");
        assertThat(first.message()).isNotBlank();
        assertThat(again.successful()).containsExactly(A);
        var back = blacklisting.unblacklist(List.of(A, "gone", B));
        assertThat(back.successful()).containsExactly(A, B);
        assertThat(back.failed()).containsExactly("gone");
        var none = blacklisting.blacklist(List.of("x", "y"));
        assertThat(none.successful()).isEmpty();
        assertThat(none.failed()).containsExactly("x", "y");
        assertThat(executorEvents().stream().filter(e -> e.startsWith("EXECUTOR_BLACKLIST_REQUESTED")))
                .hasSize(1);
        assertThat(executorEvents().stream().filter(e -> e.startsWith("EXECUTOR_UN_BLACKLISTED"))).hasSize(1);
    }

    @Test
    void unblacklistingPutsTheExecutorBackAtOnceAndTellsIt() {
        lead(Duration.ofMillis(50));
        blacklisting.blacklist(List.of(A));
        await().atMost(WAIT).until(() -> published.get(A).executorState() == ExecutorState.BLACKLISTED);

        blacklisting.unblacklist(List.of(A));

        assertThat(book.stateOf(A)).as("before the executor says so").contains(ExecutorState.ACTIVE);
        await().atMost(WAIT).until(() -> published.get(A).executorState() == ExecutorState.ACTIVE);
        assertThat(told).containsExactly("BLACKLIST " + A, "UNBLACKLIST " + A);
        assertThat(executorEvents()).containsExactly("EXECUTOR_BLACKLIST_REQUESTED " + A,
                "EXECUTOR_BLACKLISTED " + A, "EXECUTOR_UN_BLACKLISTED " + A);
        var unblacklisted = events.latest(0, 100).events().get(2);
        assertThat(named(unblacklisted)).isEqualTo(Map.of("EXECUTOR_ID", A, "HOSTNAME", "127.0.0.1", "PORT", 5001,
                "BLACKLISTED", false));
        assertThat(named(events.latest(0, 100).events().get(0))).containsEntry("BLACKLISTED", true);
    }

    @Test
    void aNewLeaderFinishesTheMovesAndTellsExecutorsThatForgot(CuratorFramework curator) {
        var previous = new BlacklistBook(curator, Clock.systemUTC());
        previous.load();
        previous.request(A, "127.0.0.1", 5001);
        previous.request(C, "127.0.0.1", 5003);
        previous.confirm(C);
        publish(5002, ExecutorState.BLACKLISTED); // put back by the previous leader, never told
        apps.app("ALPHA-1", A, B);

        lead(Duration.ofMillis(50));

        await().atMost(WAIT).until(() -> isBlacklisted(A));
        assertThat(apps.executorsOf("ALPHA-1")).containsExactly(B, B);
        await().atMost(WAIT).until(() -> told.size() == 3);
        assertThat(told).containsExactlyInAnyOrder("BLACKLIST " + C, "UNBLACKLIST " + B, "BLACKLIST " + A);
        assertThat(book.stateOf(B)).contains(ExecutorState.ACTIVE);
    }

    @Test
    void nothingMovesWhileTheClusterIsInMaintenance() {
        apps.app("ALPHA-1", A);
        maintenance.set(true);
        lead(Duration.ofMillis(50));

        blacklisting.blacklist(List.of(A));

        await().during(Duration.ofMillis(500)).atMost(WAIT).until(() -> apps.submitted().isEmpty());
        assertThat(book.stateOf(A)).contains(ExecutorState.BLACKLIST_REQUESTED);
        maintenance.set(false);
        await().atMost(WAIT).until(() -> isBlacklisted(A));
        assertThat(apps.executorsOf("ALPHA-1")).containsExactly(B);
    }

    @Test
    void anAppBusyWithAnotherOperationIsMovedOnALaterPass() {
        apps.app("ALPHA-1", A);
        apps.refuse("ALPHA-1", 2);
        lead(Duration.ofMillis(50));

        blacklisting.blacklist(List.of(A));

        await().atMost(WAIT).until(() -> isBlacklisted(A));
        assertThat(apps.submitted()).hasSize(1);
        assertThat(apps.executorsOf("ALPHA-1")).containsExactly(B);
    }

    @Test
    void aFailedMoveKeepsTheExecutorRequestedAndIsTriedAgainAfterTheDelay() {
        blacklisting = blacklisting(Duration.ofMillis(50), Duration.ofSeconds(2));
        blacklisting.leadershipAcquired();
        apps.app("ALPHA-1", A, B);
        apps.failMoves("ALPHA-1", true);

        blacklisting.blacklist(List.of(A));

        await().atMost(WAIT).until(() -> apps.submitted().size() == 1
                && apps.findRuntime("ALPHA-1").orElseThrow().currentOperation() == null);
        await().during(Duration.ofMillis(700)).atMost(WAIT).until(() -> apps.submitted().size() == 1);
        assertThat(book.stateOf(A)).contains(ExecutorState.BLACKLIST_REQUESTED);
        assertThat(told).isEmpty();
        apps.failMoves("ALPHA-1", false);
        await().atMost(WAIT).until(() -> isBlacklisted(A));
        assertThat(apps.submitted()).hasSize(2);
        assertThat(apps.executorsOf("ALPHA-1")).containsExactly(B, B);
    }

    @Test
    void aControllerThatDoesNotLeadRefusesToBlacklist() {
        lead(Duration.ofSeconds(1));
        blacklisting.leadershipLost();

        assertThatThrownBy(() -> blacklisting.blacklist(List.of(A)))
                .isInstanceOf(ApiException.class)
                .hasMessage(ApiResponse.NOT_LEADER_MESSAGE);
        assertThatThrownBy(() -> blacklisting.unblacklist(List.of(A)))
                .isInstanceOf(ApiException.class)
                .hasMessage(ApiResponse.NOT_LEADER_MESSAGE);
        assertThat(book.entries()).isEmpty();
    }

    private boolean isBlacklisted(String executorId) {
        return book.stateOf(executorId).equals(Optional.of(ExecutorState.BLACKLISTED));
    }

    /** Starts leading with passes every {@code passInterval}; failed moves wait 400 ms. */
    private void lead(Duration passInterval) {
        blacklisting = blacklisting(passInterval, Duration.ofMillis(400));
        blacklisting.leadershipAcquired();
    }

    private Blacklisting blacklisting(Duration passInterval, Duration retryDelay) {
        var migration = new Migration(apps, apps, apps, io.dropwizard.util.Duration.seconds(10),
                Duration.ofMillis(10));
        Supplier<List<ExecutorNodeData>> executors = () -> List.copyOf(published.values());
        var sync = new RotationSync(this::deliver);
        return new Blacklisting(book, executors, new BlacklistPass(book, executors, migration, sync, events,
                maintenance::get, retryDelay, Clock.systemUTC()), sync, events, passInterval);
    }

    /** The executor takes the message and publishes its new state, as the real one does. */
    private MessageResponse deliver(ExecutorMessage message) {
        var id = message.address().executorId();
        var blacklisted = !(message instanceof UnblacklistMessage);
        told.add((blacklisted ? "BLACKLIST " : "UNBLACKLIST ") + id);
        stepsWhenTold.add(apps.steps().size());
        publish(message.address().port(), blacklisted ? ExecutorState.BLACKLISTED : ExecutorState.ACTIVE);
        return MessageResponse.handled(message);
    }

    private void publish(int port, ExecutorState state) {
        var old = published.get(executorId(port));
        var fresh = TestApps.executor(port, state);
        published.put(executorId(port), old == null ? fresh : new ExecutorNodeData(old.hostname(), old.port(),
                old.transportType(), new Date(), old.state(), old.instances(), old.tasks(), old.serviceInstances(),
                old.tags(), old.metadata(), state));
    }

    private List<String> executorEvents() {
        return events.latest(0, 1000).events().stream()
                .filter(event -> event.type().name().startsWith("EXECUTOR_"))
                .map(BlacklistingTest::describe)
                .toList();
    }

    private static Map<String, Object> named(DroveEvent event) {
        var named = new HashMap<String, Object>();
        event.metadata().forEach((key, value) -> named.put(key.name(), value));
        return named;
    }

    private static String describe(DroveEvent event) {
        return event.type() + " " + event.metadata().entrySet().stream()
                .filter(e -> e.getKey().name().equals("EXECUTOR_ID")).findFirst().orElseThrow().getValue();
    }

    private static ExecutorNodeData withTaskAndService(ExecutorNodeData data) {
        var task = new TaskInfo("REPORTS", "T-1", "TI-1", A, "127.0.0.1", null, List.of(), null, null, Map.of(),
                TaskState.RUNNING, Map.of(), null, "", new Date(), new Date());
        var service = new LocalServiceInstanceInfo("DNS-1", "DNS", "SI-1", A, null, List.of(),
                LocalServiceInstanceState.HEALTHY, Map.of(), "", new Date(), new Date());
        return new ExecutorNodeData(data.hostname(), data.port(), data.transportType(), data.updated(), data.state(),
                data.instances(), List.of(task), List.of(service), Set.of(), Map.of(), data.executorState());
    }
}
