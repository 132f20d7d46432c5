package dev.drove.controller.tasks;

import dev.drove.common.errors.ApiException;
import dev.drove.common.errors.CommandValidationException;
import dev.drove.common.testkit.ZookeeperExtension;
import dev.drove.controller.specrules.HostAccessRules;
import dev.drove.controller.statestore.ZkClusterStateStore;
import dev.drove.controller.statestore.ZkTaskStore;
import dev.drove.models.api.ApiResponse;
import dev.drove.models.api.SpecValidity;
import dev.drove.models.cluster.ClusterState;
import dev.drove.models.cluster.ClusterStateData;
import dev.drove.models.taskinstance.TaskInfo;
import dev.drove.models.taskinstance.TaskState;
import org.apache.curator.framework.CuratorFramework;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Date;
import java.util.Map;

import static dev.drove.controller.tasks.TestTasks.APP;
import static dev.drove.controller.tasks.TestTasks.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code /apis/v1/tasks} with drove-cli-style bodies (docs: tasks/operations.md, apis/task.md). */
@ExtendWith(ZookeeperExtension.class)
class TaskResourceTest {
    /** The docs' sample spec (tasks/specification.md) without its host volume. */
    static final String SPEC = """
            {
                "sourceAppName": "TEST_APP",
                "taskId": "T0012",
                "executable": {"type": "DOCKER", "url": "ghcr.io/appform-io/test-task",
                               "dockerPullTimeout": "100 seconds"},
                "resources": [{"type": "CPU", "count": 1}, {"type": "MEMORY", "sizeInMB": 128}],
                "configs": [{"type": "INLINE", "localFilename": "/testfiles/drove.txt", "data": "RHJvdmUgdGVzdA=="}],
                "placementPolicy": {"type": "ANY"},
                "env": {"CORES": "8"},
                "args": [],
                "tags": {"superSpecialApp": "yes_i_am", "say_my_name": "heisenberg"},
                "logging": {"type": "LOCAL", "maxSize": "100m", "maxFiles": 3, "compress": true}
            }""";
    static final String OP_SPEC = """
            {"timeout": "5m", "parallelism": 1, "failureStrategy": "STOP"}""";

    private ZkTaskStore tasks;
    private ZkClusterStateStore clusterState;
    private TaskEngine engine;
    private TaskResource resource;

    @BeforeEach
    void build(CuratorFramework curator) {
        tasks = new ZkTaskStore(curator);
        clusterState = new ZkClusterStateStore(curator);
        engine = TestTasks.leadingEngine(tasks, new TestTasks.ExecutorLink());
        resource = new TaskResource(engine, tasks, clusterState, HostAccessRules.DEFAULTS);
    }

    @AfterEach
    void stop() {
        engine.close();
    }

    @Test
    void theDocsCreateAnswersTheQualifiedTaskIdAndTheDocsKillTheTaskId() {
        var created = resource.submit(null, """
                {"type": "CREATE", "spec": %s, "opSpec": %s}""".formatted(SPEC, OP_SPEC));
        assertThat(created.isSuccessful()).isTrue();
        assertThat(created.data().taskId()).isEqualTo("TEST_APP-T0012");
        assertThat(created.message()).isEqualTo("success");

        org.awaitility.Awaitility.await().until(() -> !engine.isBusy(APP, "T0012"));
        var killed = resource.submit(null, """
                {"type": "KILL", "sourceAppName": "TEST_APP", "taskId": "T0012", "opSpec": %s}""".formatted(OP_SPEC));
        assertThat(killed.data().taskId()).isEqualTo("T0012");
    }

    @Test
    void aBadOperationIsRefusedWithEveryProblemAndRunsNothing() {
        var body = """
                {"type": "CREATE", "spec": %s, "opSpec": %s}""".formatted(
                SPEC.replace("\"resources\": [{\"type\": \"CPU\", \"count\": 1}, "
                        + "{\"type\": \"MEMORY\", \"sizeInMB\": 128}],", "").replace("T0012", "bad id"), OP_SPEC);

        assertThatThrownBy(() -> resource.submit(null, body))
                .isInstanceOfSatisfying(CommandValidationException.class, e -> assertThat(e.errors())
                        .anySatisfy(error -> assertThat(error).contains("spec.resources"))
                        .anySatisfy(error -> assertThat(error).contains("spec.taskId")));
        assertThat(tasks.all()).isEmpty();
    }

    @Test
    void theDocsSpecIsValidAndASpecWithoutResourcesIsNot() {
        assertThat(resource.validateSpec(SPEC).data()).isEqualTo(new SpecValidity(true, null));
        assertThatThrownBy(() -> resource.validateSpec(SPEC.replace("\"resources\"", "\"resourcez\"")))
                .isInstanceOfSatisfying(CommandValidationException.class, e -> assertThat(e.errors())
                        .anySatisfy(error -> assertThat(error).contains("resources")));
    }

    @Test
    void tooLongArgumentsAreRefusedByTheController() {
        var spec = SPEC.replace("\"args\": []", "\"args\": [\"" + "x".repeat(2049) + "\"]");

        assertThatThrownBy(() -> resource.validateSpec(spec))
                .isInstanceOfSatisfying(CommandValidationException.class, e -> assertThat(e.errors())
                        .containsExactly("args must be at most 2048 characters when joined with spaces, not 2049"));
    }

    @Test
    void maintenanceModeRefusesOperationsAndValidations() {
        clusterState.save(new ClusterStateData(ClusterState.MAINTENANCE, new Date()));

        assertThatThrownBy(() -> resource.validateSpec(SPEC)).isInstanceOf(ApiException.class)
                .hasMessageContaining("maintenance");
        assertThatThrownBy(() -> resource.submit(null, """
                {"type": "CREATE", "spec": %s, "opSpec": %s}""".formatted(SPEC, OP_SPEC)))
                .isInstanceOf(ApiException.class).hasMessageContaining("maintenance");
        assertThat(tasks.all()).isEmpty();
    }

    @Test
    void theListHoldsTheTasksThatHaveNotEndedAndTheSingleReadAnyTask() {
        tasks.save(run("T1", TaskState.RUNNING, 1_000));
        tasks.save(run("T2", TaskState.STOPPED, 1_000));

        assertThat(resource.activeTasks().data()).extracting(TaskInfo::taskId).containsExactly("T1");
        assertThat(resource.task(APP, "T2").data().state()).isEqualTo(TaskState.STOPPED);
        assertThatThrownBy(() -> resource.task(APP, "T3")).isInstanceOfSatisfying(ApiException.class,
                e -> assertThat(e.status().getStatusCode()).isEqualTo(404)).hasMessage("Task T3 of TEST_APP not found");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "a STOPPED task is deleted,         STOPPED, 200, true",
            "a LOST task is deleted,            LOST,    200, true",
            "a RUNNING task is kept,            RUNNING, 409, false"
    })
    void deletingATaskAnswersWhetherItWasDeleted(String rule, TaskState state, int status, boolean deleted) {
        tasks.save(run("T1", state, 1_000));

        var answer = resource.delete(APP, "T1");

        assertThat(answer.getStatus()).as(rule).isEqualTo(status);
        var body = (ApiResponse<?>) answer.getEntity();
        assertThat(body.data()).isEqualTo(Map.of("deleted", deleted));
        assertThat(body.isSuccessful()).isEqualTo(deleted);
        assertThat(tasks.find(APP, "T1").isPresent()).isEqualTo(!deleted);
    }

    @Test
    void deletingAnUnknownTaskIsNotFound() {
        var answer = resource.delete(APP, "T9");

        assertThat(answer.getStatus()).isEqualTo(404);
        assertThat(((ApiResponse<?>) answer.getEntity()).data()).isEqualTo(Map.of("deleted", false));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "a known task leads to its page,   TEST_APP, T1, /tasks/TEST_APP/T1",
            "an unknown task leads home,       TEST_APP, T9, /",
            "an empty form leads home,         ,         ,   /"
    })
    void theSearchFormRedirectsToTheTaskPage(String rule, String app, String taskId, String location) {
        tasks.save(run("T1", TaskState.RUNNING, 1_000));

        var answer = resource.search(app, taskId);

        assertThat(answer.getStatus()).as(rule).isEqualTo(303);
        assertThat(answer.getLocation().toString()).isEqualTo(location);
    }
}
