package dev.drove.executor.e2e;

import com.github.dockerjava.api.DockerClient;
import dev.drove.common.messages.ApplicationInstanceSpec;
import dev.drove.common.messages.ExecutorMessage;
import dev.drove.common.messages.MessageStatus;
import dev.drove.common.messages.TaskInstanceSpec;
import dev.drove.common.discovery.NodeDataStore;
import dev.drove.common.testkit.DockerExtension;
import dev.drove.common.testkit.TestImage;
import dev.drove.common.testkit.TestImages;
import dev.drove.common.testkit.ZookeeperExtension;
import dev.drove.models.application.MountedVolume;
import dev.drove.models.application.PortSpec;
import dev.drove.models.application.PortType;
import dev.drove.models.application.PreShutdownSpec;
import dev.drove.models.application.checks.CheckSpec;
import dev.drove.models.application.checks.CmdCheckModeSpec;
import dev.drove.models.application.checks.HTTPCheckModeSpec;
import dev.drove.models.application.executable.DockerCoordinates;
import dev.drove.models.config.InlineConfigSpec;
import dev.drove.models.info.resources.CPUAllocation;
import dev.drove.models.info.resources.MemoryAllocation;
import dev.drove.models.instance.InstanceInfo;
import dev.drove.models.instance.InstanceState;
import dev.drove.models.taskinstance.TaskInfo;
import dev.drove.models.taskinstance.TaskState;
import io.dropwizard.util.Duration;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.test.TestingServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The executor as it runs in production (its shaded jar in its own JVM) on a real Docker engine and a real
 * ZooKeeper, driven by a recording stand-in for the leader controller.
 */
@ExtendWith({ZookeeperExtension.class, DockerExtension.class})
class ExecutorProcessIT {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final java.time.Duration START_TIME = java.time.Duration.ofSeconds(60);

    /** Kept when a test fails: it holds the executor's own log. */
    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path dir;
    private RecordingController controller;
    private ExecutorProcess executor;
    private String appImage;
    private String taskImage;

    @BeforeEach
    void startExecutor(CuratorFramework curator, DockerClient docker, TestingServer zookeeper) throws Exception {
        appImage = TestImages.unpullable(docker, TestImage.APP);
        taskImage = TestImages.unpullable(docker, TestImage.TASK);
        var drove = curator.usingNamespace("drove");
        controller = new RecordingController(drove);
        executor = new ExecutorProcess(dir, zookeeper.getConnectString()).start();
        var nodes = new NodeDataStore(drove);
        await("executor " + executor.executorId() + " in ZooKeeper").atMost(START_TIME)
                .until(() -> {
                    assertThat(executor.isAlive()).as(executor::output).isTrue();
                    return nodes.executor(executor.executorId()).isPresent();
                });
    }

    @AfterEach
    void stopExecutor() throws Exception {
        if (executor != null) {
            executor.close();
        }
        if (controller != null) {
            controller.close();
        }
    }

    @Test
    void anInstanceRunsPinnedWithItsPortsEnvAndConfigThenStopsAfterItsHookWhenHealthFails(DockerClient docker)
            throws Exception {
        var hooks = Files.createDirectories(dir.resolve("hooks"));
        var spec = app(hooks);
        assertThat(controller.send(ExecutorMessage.startInstance(executor.address(), spec)).status())
                .isEqualTo(MessageStatus.ACCEPTED);

        var healthy = awaitState(spec.instanceId(), InstanceState.HEALTHY);
        assertThat(controller.instanceReports(spec.instanceId())).extracting(InstanceInfo::state)
                .containsSubsequence(InstanceState.PENDING, InstanceState.PROVISIONING, InstanceState.STARTING,
                        InstanceState.UNREADY, InstanceState.READY, InstanceState.HEALTHY);

        var container = docker.inspectContainerCmd("TEST_APP-1-" + spec.instanceId()).exec();
        var host = container.getHostConfig();
        assertThat(host.getCpusetCpus()).isEqualTo("0,1");
        assertThat(host.getCpusetMems()).isEqualTo("0");
        assertThat(host.getMemory()).isEqualTo(16L * 1024 * 1024);
        var hostPort = healthy.localInfo().ports().get("main").hostPort();
        assertThat(container.getConfig().getEnv())
                .contains("PORT_8000=" + hostPort, "DROVE_APP_ID=TEST_APP-1", "DROVE_INSTANCE_ID=" + spec.instanceId(),
                        "DROVE_EXECUTOR_HOST=" + ExecutorProcess.HOSTNAME, "GREETING=hello");
        assertThat(get(hostPort, "/")).startsWith("200");
        assertThat(get(hostPort, "/cgi-bin/file?/testfiles/drove.txt")).isEqualTo("200 Drove test\n");

        assertThat(get(hostPort, "/cgi-bin/flip?fail")).startsWith("200");
        awaitState(spec.instanceId(), InstanceState.STOPPED);
        assertThat(controller.instanceReports(spec.instanceId())).extracting(InstanceInfo::state)
                .containsSubsequence(InstanceState.HEALTHY, InstanceState.UNHEALTHY, InstanceState.STOPPING,
                        InstanceState.DEPROVISIONING, InstanceState.STOPPED);
        assertThat(Files.readString(hooks.resolve("prestop.log"))).contains("hook ran");
        assertThat(docker.listContainersCmd().withShowAll(true)
                .withLabelFilter(Map.of("drove.instance.id", spec.instanceId())).exec()).isEmpty();
    }

    @Test
    void killingTheExecutorLeavesTheContainerRunningAndTheRestartedExecutorAdoptsIt(DockerClient docker)
            throws Exception {
        var spec = app(Files.createDirectories(dir.resolve("hooks")));
        controller.send(ExecutorMessage.startInstance(executor.address(), spec));
        awaitState(spec.instanceId(), InstanceState.HEALTHY);
        var name = "TEST_APP-1-" + spec.instanceId();
        var before = docker.inspectContainerCmd(name).exec();

        executor.kill();
        assertThat(docker.inspectContainerCmd(name).exec().getState().getRunning()).isTrue();
        var reportsBefore = controller.instanceReports(spec.instanceId()).size();

        executor.start();
        await("the restarted executor re-reports the instance as HEALTHY").atMost(START_TIME).until(() -> {
            var reports = controller.instanceReports(spec.instanceId());
            return reports.size() > reportsBefore && reports.get(reports.size() - 1).state() == InstanceState.HEALTHY;
        });
        var after = docker.inspectContainerCmd(name).exec();
        assertThat(after.getId()).isEqualTo(before.getId());
        assertThat(after.getState().getStartedAt()).isEqualTo(before.getState().getStartedAt());
        assertThat(controller.instanceReports(spec.instanceId()).subList(reportsBefore,
                controller.instanceReports(spec.instanceId()).size())).extracting(InstanceInfo::state)
                .startsWith(InstanceState.UNKNOWN).doesNotContain(InstanceState.STARTING);
    }

    @Test
    void aTaskReportsItsExitCodeAndIsCleanedUp() {
        var task = task("T0012", 2, 3);
        assertThat(controller.send(ExecutorMessage.startTask(executor.address(), task)).status())
                .isEqualTo(MessageStatus.ACCEPTED);

        await().atMost(START_TIME).until(() -> controller.taskReports(task.instanceId()).stream()
                .anyMatch(info -> info.state() == TaskState.STOPPED));
        var completed = controller.taskReports(task.instanceId()).stream()
                .filter(info -> info.state() == TaskState.RUN_COMPLETED).findFirst().orElseThrow();
        assertThat(completed.taskResult().exitCode()).isEqualTo(3);
        assertThat(controller.taskReports(task.instanceId())).extracting(TaskInfo::state)
                .containsSubsequence(TaskState.PENDING, TaskState.PROVISIONING, TaskState.STARTING,
                        TaskState.RUNNING, TaskState.RUN_COMPLETED, TaskState.DEPROVISIONING, TaskState.STOPPED);
        assertThat(executor.instanceLogs().resolve("TEST_APP").resolve("T0012").resolve("output.log"))
                .content().contains("iteration 2 of 2");
    }

    @Test
    void reportsMadeWhileNoLeaderIsKnownAreDeliveredInOrderWhenOneAppears(DockerClient docker) {
        controller.resign();
        var task = task("T-offline", 1, 0);
        assertThat(controller.send(ExecutorMessage.startTask(executor.address(), task)).status())
                .isEqualTo(MessageStatus.ACCEPTED);
        await("the task container ran and was cleaned up").atMost(START_TIME).until(() -> docker.listContainersCmd()
                .withShowAll(true).withLabelFilter(Map.of("drove.instance.id", task.instanceId())).exec().isEmpty());
        assertThat(controller.taskReports(task.instanceId())).isEmpty();

        controller.rejoin();
        await("buffered reports delivered").atMost(START_TIME).until(() -> controller.taskReports(task.instanceId())
                .stream().anyMatch(info -> info.state() == TaskState.STOPPED));
        assertThat(controller.taskReports(task.instanceId())).extracting(TaskInfo::state)
                .containsExactly(TaskState.PENDING, TaskState.PROVISIONING, TaskState.STARTING, TaskState.RUNNING,
                        TaskState.RUN_COMPLETED, TaskState.DEPROVISIONING, TaskState.STOPPED);
    }

    @Test
    void commandsWithoutTheControllersSecretAreRefused() throws Exception {
        var response = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + executor.port()
                                + "/apis/v1/messages"))
                        .header("Content-Type", "application/json")
                        .header("Node-Type", "CONTROLLER")
                        .header("Cluster-Authorization", "not-the-secret")
                        .POST(HttpRequest.BodyPublishers.ofString("{}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).contains("\"status\":\"FAILED\"");
    }

    private TaskInstanceSpec task(String taskId, int iterations, int exitCode) {
        return new TaskInstanceSpec(taskId, "TEST_APP", "TI-" + UUID.randomUUID(),
                new DockerCoordinates(taskImage, Duration.seconds(30)), resources(Set.of(0), 8), List.of(),
                List.of(), null, Map.of("ITERATIONS", Integer.toString(iterations), "SLEEP_SECONDS", "0",
                        "EXIT_CODE", Integer.toString(exitCode)), List.of(), List.of(), null, null);
    }

    private ApplicationInstanceSpec app(Path hooks) {
        var instanceId = "AI-" + UUID.randomUUID();
        var checkEvery = Duration.milliseconds(500);
        var readiness = new CheckSpec(HTTPCheckModeSpec.get("main", "/cgi-bin/ready"), Duration.seconds(1), checkEvery,
                3, Duration.seconds(0));
        var health = new CheckSpec(HTTPCheckModeSpec.get("main", "/cgi-bin/health"), Duration.seconds(1), checkEvery,
                2, Duration.seconds(0));
        var hook = new PreShutdownSpec(List.of(new CmdCheckModeSpec("echo hook ran >> /hooks/prestop.log", false)),
                Duration.seconds(0));
        return new ApplicationInstanceSpec("TEST_APP-1", "TEST_APP", instanceId,
                new DockerCoordinates(appImage, Duration.seconds(30)), resources(Set.of(0, 1), 16),
                List.of(new PortSpec("main", 8000, PortType.HTTP)),
                List.of(new MountedVolume("/hooks", hooks.toString(), MountedVolume.MountMode.READ_WRITE)),
                List.of(new InlineConfigSpec("/testfiles/drove.txt", "Drove test\n".getBytes(StandardCharsets.UTF_8))),
                health, readiness, null, Map.of("GREETING", "hello"), List.of(), List.of(), hook, null,
                "token-of-" + instanceId);
    }

    private static List<dev.drove.models.info.resources.ResourceAllocation> resources(Set<Integer> cores, long mb) {
        return List.of(new CPUAllocation(Map.of(0, cores)), new MemoryAllocation(Map.of(0, mb)));
    }

    private InstanceInfo awaitState(String instanceId, InstanceState state) {
        await(instanceId + " " + state).atMost(START_TIME).until(() -> {
            assertThat(executor.isAlive()).as(executor::output).isTrue();
            return controller.instanceReports(instanceId).stream().anyMatch(info -> info.state() == state);
        });
        return controller.instanceReports(instanceId).stream().filter(info -> info.state() == state)
                .findFirst().orElseThrow();
    }

    private static String get(int port, String pathAndQuery) throws Exception {
        var response = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + pathAndQuery)).build(),
                HttpResponse.BodyHandlers.ofString());
        return response.statusCode() + " " + response.body();
    }
}
