package dev.drove.controller.tasks;

import dev.drove.common.errors.ApiException;
import dev.drove.common.messages.MessageStatus;
import dev.drove.common.messages.StartTaskMessage;
import dev.drove.common.messages.StopTaskMessage;
import dev.drove.common.testkit.ZookeeperExtension;
import dev.drove.controller.statestore.TaskStore;
import dev.drove.controller.statestore.ZkTaskStore;
import dev.drove.models.api.ApiResponse;
import dev.drove.models.info.resources.CPUAllocation;
import dev.drove.models.operation.ClusterOpSpec;
import dev.drove.models.operation.TaskCreateOperation;
import dev.drove.models.operation.TaskKillOperation;
import dev.drove.models.operation.TaskOperation;
import dev.drove.models.taskinstance.TaskResult;
import dev.drove.models.taskinstance.TaskState;
import org.apache.curator.framework.CuratorFramework;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.util.Date;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static dev.drove.controller.tasks.TestTasks.APP;
import static dev.drove.controller.tasks.TestTasks.EXECUTOR;
import static dev.drove.controller.tasks.TestTasks.run;
import static dev.drove.controller.tasks.TestTasks.spec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** The task engine on a real ZooKeeper, with an executor link that records what it is sent. */
@ExtendWith(ZookeeperExtension.class)
class TaskEngineTest {
    private static final Duration WAIT = Duration.ofSeconds(10);

    private TaskStore tasks;
    private TestTasks.ExecutorLink link;
    private TaskEngine engine;

    @BeforeEach
    void startALeadingEngine(CuratorFramework curator) {
        tasks = new ZkTaskStore(curator);
        link = new TestTasks.ExecutorLink();
        engine = TestTasks.leadingEngine(tasks, link);
    }

    @AfterEach
    void stop() {
        engine.close();
    }

    @Test
    void createStoresAPendingRunSendsStartTaskAndAnswersTheQualifiedTaskId() {
        var answer = engine.submit(create("T0012"));

        assertThat(answer).isEqualTo("TEST_APP-T0012");
        var stored = tasks.find(APP, "T0012").orElseThrow();
        assertThat(stored.state()).isEqualTo(TaskState.PENDING);
        assertThat(stored.instanceId()).startsWith("TI-");
        assertThat(stored.executorId()).isEqualTo(EXECUTOR);
        assertThat(stored.env()).containsEntry("ITERATIONS", "10");
        assertThat(stored.resources()).filteredOn(CPUAllocation.class::isInstance).hasSize(1);
        await().atMost(WAIT).until(() -> !link.sent.isEmpty());
        var start = (StartTaskMessage) link.sent.get(0);
        assertThat(start.address().executorId()).isEqualTo(EXECUTOR);
        assertThat(start.spec().instanceId()).isEqualTo(stored.instanceId());
        assertThat(start.spec().taskId()).isEqualTo("T0012");
        assertThat(start.spec().resources()).isEqualTo(stored.resources());
    }

    @Test
    void aRunWhoseStartTheExecutorRefusesIsStoppedWithTheReason() {
        link.answer = MessageStatus.REJECTED;

        engine.submit(create("T0012"));

        var stopped = await().atMost(WAIT).until(() -> tasks.find(APP, "T0012").orElseThrow(),
                task -> task.state() == TaskState.STOPPED);
        assertThat(stopped.errorMessage()).contains("START_TASK was not taken").contains("not here");
    }

    @Test
    void killSendsStopTaskForTheRunAndAnswersTheTaskId() {
        engine.submit(create("T0012"));
        await().atMost(WAIT).until(() -> link.sent.size() == 1 && !isBusy("T0012"));
        var pending = tasks.find(APP, "T0012").orElseThrow();
        engine.report(pending.withState(TaskState.RUNNING, null, "", new Date()));

        assertThat(engine.submit(kill("T0012"))).isEqualTo("T0012");

        await().atMost(WAIT).until(() -> link.sent.size() == 2);
        var stop = (StopTaskMessage) link.sent.get(1);
        assertThat(stop.instanceId()).isEqualTo(pending.instanceId());
    }

    @Test
    void aKillTheExecutorDoesNotKnowEndsTheRunStopped() {
        engine.submit(create("T0012"));
        await().atMost(WAIT).until(() -> link.sent.size() == 1 && !isBusy("T0012"));
        link.answer = MessageStatus.REJECTED;

        engine.submit(kill("T0012"));

        await().atMost(WAIT).until(() -> tasks.find(APP, "T0012").orElseThrow().state() == TaskState.STOPPED);
    }

    @Test
    void reportsMoveARunForwardButNeverBack() {
        engine.report(run("T1", TaskState.RUNNING, 1_000));
        engine.report(run("T1", TaskState.RUN_COMPLETED, 2_000)
                .withState(TaskState.RUN_COMPLETED, TaskResult.exited(3), "", new Date(2_000)));
        engine.report(run("T1", TaskState.STOPPED, 3_000)
                .withState(TaskState.STOPPED, TaskResult.exited(3), "", new Date(3_000)));
        engine.report(run("T1", TaskState.RUNNING, 4_000));

        var stored = tasks.find(APP, "T1").orElseThrow();
        assertThat(stored.state()).isEqualTo(TaskState.STOPPED);
        assertThat(stored.taskResult()).isEqualTo(new TaskResult(TaskResult.Status.FAILED, 3));
    }

    @Test
    void listenersHearEveryChangeOfStateOnceAndNothingElse() {
        var heard = new java.util.concurrent.CopyOnWriteArrayList<TaskState>();
        engine.addStateChangeListener(task -> heard.add(task.state()));

        engine.report(run("T1", TaskState.PROVISIONING, 1_000));
        engine.report(run("T1", TaskState.RUNNING, 2_000));
        engine.report(run("T1", TaskState.RUNNING, 3_000));
        engine.report(run("T1", TaskState.PENDING, 4_000));
        engine.report(run("T1", TaskState.STOPPED, 5_000));

        assertThat(heard).containsExactly(TaskState.PROVISIONING, TaskState.RUNNING, TaskState.STOPPED);
    }

    @Test
    void aControllerThatDoesNotLeadRefusesOperations() {
        engine.leadershipLost();

        assertThatThrownBy(() -> engine.submit(create("T0012")))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status().getStatusCode()).isEqualTo(400))
                .hasMessage(ApiResponse.NOT_LEADER_MESSAGE);
        assertThat(tasks.find(APP, "T0012")).isEmpty();
    }

    /** A refusal: what is stored first, the operation, and the answer. */
    record Refusal(String name, Consumer<TaskStore> before, TaskOperation operation, int status, String message) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Arguments> refusals() {
        return Stream.of(
                new Refusal("a second CREATE of a running task", store -> store.save(run("T0012", TaskState.RUNNING,
                        1)), create("T0012"), 409, "Task T0012 of TEST_APP already exists"),
                new Refusal("a CREATE of a task whose metadata is still kept", store -> store.save(run("T0012",
                        TaskState.STOPPED, 1)), create("T0012"), 409, "Task T0012 of TEST_APP already exists"),
                new Refusal("a CREATE nothing can take", store -> { }, new TaskCreateOperation(spec("T1", 64, 128),
                        ClusterOpSpec.DEFAULT), 400, "No executor can take 64 cores"),
                new Refusal("a KILL of an unknown task", store -> { }, kill("T0012"), 404,
                        "Task T0012 of TEST_APP not found"),
                new Refusal("a KILL of a stopped task", store -> store.save(run("T0012", TaskState.STOPPED, 1)),
                        kill("T0012"), 409, "Task T0012 of TEST_APP has already finished (STOPPED)"),
                new Refusal("a KILL of a lost task", store -> store.save(run("T0012", TaskState.LOST, 1)),
                        kill("T0012"), 409, "Task T0012 of TEST_APP has already finished (LOST)"),
                new Refusal("a KILL of a task that has run its course", store -> store.save(run("T0012",
                        TaskState.RUN_COMPLETED, 1)), kill("T0012"), 409, "has already finished (RUN_COMPLETED)")
        ).map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusals")
    void refusalsAnswerTheStatusAndSentenceAndChangeNothing(Refusal refusal) {
        refusal.before().accept(tasks);
        var before = tasks.all();

        assertThatThrownBy(() -> engine.submit(refusal.operation()))
                .isInstanceOfSatisfying(ApiException.class,
                        e -> assertThat(e.status().getStatusCode()).isEqualTo(refusal.status()))
                .hasMessageContaining(refusal.message());
        assertThat(tasks.all()).isEqualTo(before);
        assertThat(link.sent).isEmpty();
    }

    @Test
    void aKillWhileTheCreateIsStillDeliveringIsRefusedAsBusy() {
        link.answer = MessageStatus.FAILED;
        engine.close();
        engine = new TaskEngine(new TaskRecords(tasks), TestTasks.scheduler(), link.messenger(Duration.ofSeconds(5)));
        engine.leadershipAcquired();
        engine.submit(create("T0012"));

        assertThatThrownBy(() -> engine.submit(kill("T0012")))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status().getStatusCode()).isEqualTo(409))
                .hasMessage("Task T0012 of TEST_APP is busy with CREATE; try again in a moment");
    }

    private boolean isBusy(String taskId) {
        return engine.isBusy(APP, taskId);
    }

    private static TaskCreateOperation create(String taskId) {
        return new TaskCreateOperation(spec(taskId), ClusterOpSpec.DEFAULT);
    }

    private static TaskKillOperation kill(String taskId) {
        return new TaskKillOperation(APP, taskId, ClusterOpSpec.DEFAULT);
    }
}
