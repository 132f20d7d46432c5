package dev.drove.controller.logs;

import dev.drove.common.auth.ClusterAuthConfig;
import dev.drove.common.auth.ClusterAuthFilter;
import dev.drove.common.auth.ClusterSecret;
import dev.drove.common.errors.ApiExceptionMappers;
import dev.drove.common.http.ClusterHttpClient;
import dev.drove.common.messages.ExecutorAddress;
import dev.drove.common.testkit.ZookeeperExtension;
import dev.drove.controller.statestore.ZkInstanceStore;
import dev.drove.controller.statestore.ZkLocalServiceInstanceStore;
import dev.drove.controller.statestore.ZkTaskStore;
import dev.drove.models.info.nodedata.NodeTransportType;
import dev.drove.models.info.nodedata.NodeType;
import dev.drove.models.instance.InstanceInfo;
import dev.drove.models.instance.InstanceState;
import dev.drove.models.instance.LocalServiceInstanceInfo;
import dev.drove.models.instance.LocalServiceInstanceState;
import dev.drove.models.json.Json;
import dev.drove.models.taskinstance.TaskInfo;
import dev.drove.models.taskinstance.TaskState;
import org.apache.curator.framework.CuratorFramework;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code /apis/v1/logfiles/...} over real HTTP (docs: apis/logs.md): instances found in a real state store, files
 * read from a fake executor that only the controller's cluster secret opens.
 */
@ExtendWith(ZookeeperExtension.class)
class LogFileResourceTest {
    private static final ClusterAuthConfig AUTH = new ClusterAuthConfig(List.of(
            new ClusterSecret(NodeType.CONTROLLER, "controller-secret-for-logs"),
            new ClusterSecret(NodeType.EXECUTOR, "executor-secret-for-logs")));
    private static final String EXECUTOR_ID = "exec-1";
    private static final String GONE_EXECUTOR_ID = "exec-gone";
    private static final String SILENT_EXECUTOR_ID = "exec-silent";

    private static final FakeExecutorLogs executorLogs = new FakeExecutorLogs();
    private static TestServer executor;
    private static TestServer controller;
    private static int silentPort;
    private static ZkInstanceStore instances;
    private static ZkTaskStore tasks;
    private static ZkLocalServiceInstanceStore services;

    @BeforeAll
    static void start(CuratorFramework curator) throws Exception {
        instances = new ZkInstanceStore(curator);
        tasks = new ZkTaskStore(curator);
        services = new ZkLocalServiceInstanceStore(curator);
        executor = TestServer.start((config, environment) -> {
            ApiExceptionMappers.install(config.getServerFactory(), environment);
            environment.jersey().register(new ClusterAuthFilter(AUTH));
            environment.jersey().register(executorLogs);
        });
        try (var socket = new ServerSocket(0)) {
            silentPort = socket.getLocalPort();
        }
        var files = new ExecutorLogFiles(new ClusterHttpClient(AUTH.credentials(NodeType.CONTROLLER, "controller-1")),
                LogFileResourceTest::address);
        var sources = new LogSources(instances, tasks, services);
        controller = TestServer.start((config, environment) -> {
            ApiExceptionMappers.install(config.getServerFactory(), environment);
            environment.jersey().register(new LogFileResource(sources, files));
        });
    }

    @AfterAll
    static void stop() {
        controller.close();
        executor.close();
    }

    /** The store is wiped after each test; every test starts with the same instances and no executor calls. */
    @BeforeEach
    void instances() {
        instances.save(instance("AI-1", EXECUTOR_ID));
        instances.save(instance("AI-pending", null));
        instances.save(instance("AI-gone", GONE_EXECUTOR_ID));
        instances.save(instance("AI-silent", SILENT_EXECUTOR_ID));
        tasks.save(new TaskInfo("TEST_APP", "T0012", "TI-1", EXECUTOR_ID, "127.0.0.1", null, null, null, null, null,
                TaskState.RUNNING, null, null, "", new Date(), new Date()));
        services.save(new LocalServiceInstanceInfo("LS-1", "LS", "SI-1", EXECUTOR_ID, null, null,
                LocalServiceInstanceState.HEALTHY, Map.of(), "", new Date(), new Date()));
        executorLogs.calls.clear();
    }

    @Test
    void listAsksTheExecutorThatRanTheInstanceForItsFolder() throws IOException {
        var answer = controller.get("/apis/v1/logfiles/applications/TEST_APP-1/AI-1/list");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(Json.mapper().readTree(answer.body()).toString())
                .isEqualTo("{\"files\":[\"output.log-2024-07-04\",\"output.log\"]}");
        assertThat(executorLogs.calls).containsExactly("TEST_APP-1/AI-1 list");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "application, tail start | /applications/TEST_APP-1/AI-1/read/output.log  | "
                    + "TEST_APP-1/AI-1 read output.log offset=-1 length=32768 | 120",
            "application, next read  | /applications/TEST_APP-1/AI-1/read/output.log?offset=120&length=1024 | "
                    + "TEST_APP-1/AI-1 read output.log offset=120 length=1024 | 125",
            "task                    | /tasks/TEST_APP/T0012/read/output.log?offset=0 | "
                    + "TEST_APP/T0012 read output.log offset=0 length=32768 | 5",
            "local service           | /localservices/LS-1/SI-1/read/output.log?offset=7&length=10 | "
                    + "LS-1/SI-1 read output.log offset=7 length=10 | 12",
    })
    void readPassesTheOffsetAndLengthToTheInstancesFolder(String row, String path, String call, long next)
            throws IOException {
        var answer = controller.get("/apis/v1/logfiles" + path);

        assertThat(answer.status()).as(answer::toString).isEqualTo(200);
        var chunk = Json.mapper().readTree(answer.body());
        assertThat(chunk.get("data").asText()).isEqualTo("line\n");
        assertThat(chunk.get("offset").asLong()).isEqualTo(next);
        assertThat(executorLogs.calls).containsExactly(call);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "application   | /applications/TEST_APP-1/AI-1 | TEST_APP-1/AI-1",
            "task          | /tasks/TEST_APP/T0012         | TEST_APP/T0012",
            "local service | /localservices/LS-1/SI-1      | LS-1/SI-1",
    })
    void downloadStreamsTheFileAsANamedAttachment(String row, String instance, String folder) {
        var answer = controller.get("/apis/v1/logfiles" + instance + "/download/output.log-2024-07-04");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body()).isEqualTo("whole output.log-2024-07-04\n");
        assertThat(answer.headers().firstValue("Content-Disposition"))
                .contains("attachment; filename=output.log-2024-07-04");
        assertThat(executorLogs.calls).containsExactly(folder + " download output.log-2024-07-04");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "unknown instance      | /applications/TEST_APP-1/AI-9/list      | Instance AI-9 of app TEST_APP-1 not found",
            "unknown app           | /applications/NOPE-1/AI-1/list          | Instance AI-1 of app NOPE-1 not found",
            "unknown task          | /tasks/TEST_APP/T9/list                 | Task T9 of app TEST_APP not found",
            "unknown local service | /localservices/LS-9/SI-1/list           | "
                    + "Instance SI-1 of local service LS-9 not found",
            "not yet placed        | /applications/TEST_APP-1/AI-pending/list | There are no log files of instance "
                    + "AI-pending of app TEST_APP-1: it has not been placed on an executor",
            "file the executor lacks | /applications/TEST_APP-1/AI-1/read/output.log-1999-01-01?offset=0 | "
                    + "There is no log file output.log-1999-01-01 of TEST_APP-1/AI-1 on this executor",
    })
    void unknownIdsAndFilesAre404NamingThem(String row, String path, String message) throws IOException {
        var answer = controller.get("/apis/v1/logfiles" + path);

        assertThat(answer.status()).isEqualTo(404);
        assertThat(Json.mapper().readTree(answer.body()).get("message").asText()).isEqualTo(message);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "the parent folder      | /read/..                          | must not be '.' or '..'",
            "the executor's own log | /download/drove-executor.log      | Only an instance's output files",
            "negative offset        | /read/output.log?offset=-2        | offset must be -1 (the end of the file)",
            "offset not a number    | /read/output.log?offset=end       | offset must be a whole number, not end",
            "zero length            | /read/output.log?offset=0&length=0 | length must be a positive number",
    })
    void badNamesAndNumbersAre400BeforeAnyExecutorIsAsked(String row, String path, String reason)
            throws IOException {
        var answer = controller.get("/apis/v1/logfiles/applications/TEST_APP-1/AI-1" + path);

        assertThat(answer.status()).isEqualTo(400);
        assertThat(Json.mapper().readTree(answer.body()).get("message").asText()).contains(reason);
        assertThat(executorLogs.calls).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "encoded slashes    | /read/..%2F..%2F..%2Fetc%2Fpasswd",
            "encoded dots       | /download/%2E%2E",
            "encoded backslash  | /read/..%5C..%5Cetc%5Cpasswd",
            "encoded NUL        | /read/output.log%00.png",
    })
    void encodedTraversalIsRefused400AndNeverReachesAnExecutor(String row, String path) {
        var answer = controller.get("/apis/v1/logfiles/applications/TEST_APP-1/AI-1" + path);

        assertThat(answer.status()).isEqualTo(400);
        assertThat(executorLogs.calls).isEmpty();
    }

    @Test
    void anExecutorThatLeftTheClusterIs503NamingIt() throws IOException {
        var answer = controller.get("/apis/v1/logfiles/applications/TEST_APP-1/AI-gone/list");

        assertThat(answer.status()).isEqualTo(503);
        assertThat(Json.mapper().readTree(answer.body()).get("message").asText()).isEqualTo("Executor exec-gone, "
                + "which ran instance AI-gone of app TEST_APP-1, is not in the cluster now; its log files cannot be read");
    }

    @Test
    void anExecutorThatDoesNotAnswerIs502NamingIt() throws IOException {
        var list = controller.get("/apis/v1/logfiles/applications/TEST_APP-1/AI-silent/list");
        var download = controller.get("/apis/v1/logfiles/applications/TEST_APP-1/AI-silent/download/output.log");

        for (var answer : List.of(list, download)) {
            assertThat(answer.status()).isEqualTo(502);
            assertThat(Json.mapper().readTree(answer.body()).get("message").asText())
                    .startsWith("Executor exec-silent did not answer for the log files of instance AI-silent of app "
                            + "TEST_APP-1: ");
        }
    }

    @Test
    void theExecutorOpensOnlyToTheControllersSecret() throws Exception {
        var asExecutor = new ExecutorLogFiles(new ClusterHttpClient(AUTH.credentials(NodeType.EXECUTOR, "x")),
                LogFileResourceTest::address);
        var source = new LogSource(EXECUTOR_ID, "TEST_APP-1", "AI-1", "instance AI-1 of app TEST_APP-1");

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> asExecutor.list(source))
                .hasMessageContaining("HTTP 401")
                .hasMessageContaining("Node type EXECUTOR may not call this endpoint");
        assertThat(executorLogs.calls).isEmpty();
    }

    private static Optional<ExecutorAddress> address(String executorId) {
        if (EXECUTOR_ID.equals(executorId)) {
            return Optional.of(new ExecutorAddress(EXECUTOR_ID, "127.0.0.1", executor.port(), NodeTransportType.HTTP));
        }
        if (SILENT_EXECUTOR_ID.equals(executorId)) {
            return Optional.of(new ExecutorAddress(executorId, "127.0.0.1", silentPort, NodeTransportType.HTTP));
        }
        return Optional.empty();
    }

    private static InstanceInfo instance(String instanceId, String executorId) {
        return new InstanceInfo("TEST_APP-1", "TEST_APP", instanceId, executorId, null, null,
                executorId == null ? InstanceState.PENDING : InstanceState.HEALTHY, Map.of(), "", new Date(),
                new Date());
    }
}
