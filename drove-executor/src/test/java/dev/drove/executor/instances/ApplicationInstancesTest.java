package dev.drove.executor.instances;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.Ports;
import com.github.dockerjava.api.model.Ulimit;
import dev.drove.common.messages.ApplicationInstanceSpec;
import dev.drove.executor.engine.ContainerEngine;
import dev.drove.models.application.MountedVolume;
import dev.drove.models.application.PreShutdownSpec;
import dev.drove.models.application.checks.CheckSpec;
import dev.drove.models.application.checks.CmdCheckModeSpec;
import dev.drove.models.common.HTTPCallSpec;
import dev.drove.models.common.Protocol;
import dev.drove.models.config.ControllerHttpFetchConfigSpec;
import dev.drove.models.config.ExecutorLocalFileConfigSpec;
import dev.drove.models.instance.InstanceInfo;
import dev.drove.models.instance.InstanceState;
import dev.drove.models.json.Json;
import io.dropwizard.util.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static dev.drove.models.instance.InstanceState.DEPROVISIONING;
import static dev.drove.models.instance.InstanceState.HEALTHY;
import static dev.drove.models.instance.InstanceState.PENDING;
import static dev.drove.models.instance.InstanceState.PROVISIONING;
import static dev.drove.models.instance.InstanceState.PROVISIONING_FAILED;
import static dev.drove.models.instance.InstanceState.READY;
import static dev.drove.models.instance.InstanceState.STARTING;
import static dev.drove.models.instance.InstanceState.START_FAILED;
import static dev.drove.models.instance.InstanceState.STOPPED;
import static dev.drove.models.instance.InstanceState.STOPPING;
import static dev.drove.models.instance.InstanceState.UNHEALTHY;
import static dev.drove.models.instance.InstanceState.UNREADY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;
import static org.awaitility.Awaitility.await;

/** Application instances on the real engine, with the registry built the way the executor builds it. */
class ApplicationInstancesTest extends OnRealEngine {
    private static final long MB = 1024L * 1024L;
    private static final java.time.Duration START_WITHIN = java.time.Duration.ofSeconds(30);
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(java.time.Duration.ofSeconds(2))
            .build();


    @Test
    void anInstanceWithOneCoreAnd16MbBecomesHealthyPinnedLabelledAndConfigured(DockerClient docker,
                                                                            @TempDir Path host) throws Exception {
        Path localConfig = Files.writeString(host.resolve("local.yml"), "from: the executor\n");
        TestSpecs.App app = new TestSpecs.App();
        app.configs.add(new ExecutorLocalFileConfigSpec("/files/local.yml", localConfig.toString()));
        ApplicationInstanceSpec spec = app.build();

        instances.startService(spec);

        InstanceInfo healthy = awaitState(spec.instanceId(), HEALTHY);
        assertThat(heard.states(spec.instanceId()))
                .containsExactly(PENDING, PROVISIONING, STARTING, UNREADY, READY, HEALTHY);
        assertThat(healthy.executorId()).isEqualTo(TestExecutor.IDENTITY.executorId());
        assertThat(healthy.localInfo().hostname()).isEqualTo(TestExecutor.HOSTNAME);
        assertThat(healthy.errorMessage()).isEmpty();
        int hostPort = healthy.localInfo().ports().get("main").hostPort();
        assertThat(healthy.localInfo().ports().get("main").containerPort()).isEqualTo(8000);

        InspectContainerResponse container = docker.inspectContainerCmd(TestSpecs.APP_ID + "-" + spec.instanceId())
                .exec();
        var hostConfig = container.getHostConfig();
        assertThat(hostConfig.getCpusetCpus()).isEqualTo("1");
        assertThat(hostConfig.getCpusetMems()).isEqualTo("0");
        assertThat(hostConfig.getMemory()).isEqualTo(16 * MB);
        assertThat(hostConfig.getUlimits()).extracting(Ulimit::getName, Ulimit::getSoftLong)
                .containsExactly(tuple("nofile", 4096L));
        Ports.Binding[] bound = hostConfig.getPortBindings().getBindings().get(ExposedPort.tcp(8000));
        assertThat(bound).extracting(Ports.Binding::getHostPortSpec).containsExactly(Integer.toString(hostPort));

        List<String> injected = List.of("HOST", "GREETING", "DROVE_CONTAINER_ID", "PORT_8000", "DROVE_EXECUTOR_HOST",
                "DROVE_INSTANCE_ID", "DROVE_APP_ID", "DROVE_APP_NAME", "DROVE_APP_INSTANCE_AUTH_TOKEN");
        assertThat(List.of(container.getConfig().getEnv()))
                .filteredOn(variable -> injected.contains(variable.substring(0, variable.indexOf('='))))
                .containsExactly("HOST=" + TestExecutor.HOSTNAME, "GREETING=hello",
                        "DROVE_CONTAINER_ID=" + TestSpecs.APP_IMAGE, "PORT_8000=" + hostPort,
                        "DROVE_EXECUTOR_HOST=" + TestExecutor.HOSTNAME, "DROVE_INSTANCE_ID=" + spec.instanceId(),
                        "DROVE_APP_ID=" + TestSpecs.APP_ID, "DROVE_APP_NAME=TEST_APP",
                        "DROVE_APP_INSTANCE_AUTH_TOKEN=token-of-" + spec.instanceId());

        Map<String, String> labels = container.getConfig().getLabels();
        assertThat(labels).containsEntry(ContainerLabels.INSTANCE_ID, spec.instanceId())
                .containsEntry(ContainerLabels.JOB_TYPE, "SERVICE")
                .containsEntry(ContainerLabels.EXECUTOR_ID, TestExecutor.IDENTITY.executorId());
        assertThat(Json.mapper().readValue(labels.get(ContainerLabels.INSTANCE_SPEC), ApplicationInstanceSpec.class))
                .isEqualTo(spec);
        InstanceInfo labelled = Json.mapper().readValue(labels.get(ContainerLabels.INSTANCE_INFO), InstanceInfo.class);
        assertThat(labelled.localInfo().ports()).isEqualTo(healthy.localInfo().ports());
        assertThat(labelled.created()).isEqualTo(healthy.created());

        assertThat(get(hostPort, "/cgi-bin/file?" + TestSpecs.CONFIG_FILE).body()).isEqualTo(TestSpecs.CONFIG_TEXT);
        assertThat(get(hostPort, "/cgi-bin/file?/files/local.yml").body()).isEqualTo("from: the executor\n");
        assertThat(instances.instances()).extracting(InstanceInfo::instanceId, InstanceInfo::state)
                .containsExactly(tuple(spec.instanceId(), HEALTHY));
        assertThat(executor.resources().holds(spec.instanceId())).isTrue();
    }

    @Test
    void aFailingHealthCheckMakesTheInstanceUnhealthyAndItStopsAfterItsPreShutdownHook(DockerClient docker,
                                                                                     @TempDir Path hooks)
            throws Exception {
        ApplicationInstanceSpec spec = withHook(hooks).build();
        instances.startService(spec);
        int hostPort = awaitState(spec.instanceId(), HEALTHY).localInfo().ports().get("main").hostPort();

        assertThat(get(hostPort, "/cgi-bin/flip?fail").statusCode()).isEqualTo(200);

        InstanceInfo stopped = awaitState(spec.instanceId(), STOPPED);
        assertThat(heard.states(spec.instanceId())).endsWith(HEALTHY, UNHEALTHY, STOPPING, DEPROVISIONING, STOPPED);
        assertThat(heard.first(spec.instanceId(), UNHEALTHY).errorMessage())
                .isEqualTo("Health check failed 2 times in a row: GET http://localhost:" + hostPort
                        + "/cgi-bin/health answered 500");
        assertThat(stopped.errorMessage()).endsWith("answered 500");
        assertThat(Files.readAllLines(hooks.resolve("prestop.log")))
                .containsExactly("hook ran in " + spec.instanceId());
        assertThat(containerExists(docker, TestSpecs.APP_ID + "-" + spec.instanceId())).isFalse();
        assertThat(executor.resources().holds(spec.instanceId())).isFalse();
    }

    @Test
    void stoppingAHealthyInstanceRunsItsHookThenRemovesItAndReleasesItsResources(DockerClient docker,
                                                                               @TempDir Path hooks) throws Exception {
        ApplicationInstanceSpec spec = withHook(hooks).build();
        instances.startService(spec);
        awaitState(spec.instanceId(), HEALTHY);

        assertThat(instances.stop(spec.instanceId())).isTrue();
        assertThat(instances.stop(spec.instanceId())).isTrue();

        InstanceInfo stopped = awaitState(spec.instanceId(), STOPPED);
        assertThat(heard.states(spec.instanceId())).endsWith(HEALTHY, STOPPING, DEPROVISIONING, STOPPED);
        assertThat(stopped.errorMessage()).isEmpty();
        assertThat(Files.readAllLines(hooks.resolve("prestop.log")))
                .containsExactly("hook ran in " + spec.instanceId());
        assertThat(containerExists(docker, TestSpecs.APP_ID + "-" + spec.instanceId())).isFalse();
        assertThat(executor.resources().holds(spec.instanceId())).isFalse();
        assertThat(executor.resources().snapshot().cpus().usedCoreCount()).isZero();
        assertThat(instances.instances()).isEmpty();
        assertThat(instances.findInstance(spec.instanceId())).map(InstanceInfo::state).contains(STOPPED);
        assertThat(instances.stop(spec.instanceId())).isFalse();
        assertThat(instances.stop("AI-never-started")).isFalse();
    }

    @Test
    void aContainerKilledBehindTheExecutorsBackIsNoticedAtOnceAndTheInstanceEndsStoppedWithTheError(
            DockerClient docker) throws Exception {
        ApplicationInstanceSpec spec = new TestSpecs.App().build();
        instances.startService(spec);
        awaitState(spec.instanceId(), HEALTHY);

        docker.killContainerCmd(TestSpecs.APP_ID + "-" + spec.instanceId()).exec();

        await().atMost(java.time.Duration.ofSeconds(2))
                .until(() -> heard.states(spec.instanceId()).contains(UNHEALTHY));
        InstanceInfo stopped = awaitState(spec.instanceId(), STOPPED);
        assertThat(heard.states(spec.instanceId())).endsWith(HEALTHY, UNHEALTHY, STOPPING, DEPROVISIONING, STOPPED);
        assertThat(stopped.errorMessage()).isEqualTo("Container exited unexpectedly with code 137");
        assertThat(executor.resources().holds(spec.instanceId())).isFalse();
    }

    @Test
    void aStartAskingForACoreAnotherInstanceHoldsIsRefusedAndCreatesNoContainer(DockerClient docker)
            throws Exception {
        ApplicationInstanceSpec first = new TestSpecs.App().build();
        ApplicationInstanceSpec second = new TestSpecs.App().build();
        instances.startService(first);

        assertThatThrownBy(() -> instances.startService(second))
                .isInstanceOf(StartRefusedException.class)
                .hasMessage("Cannot start Instance " + second.instanceId() + " of " + TestSpecs.APP_ID
                        + ": Core 1 on NUMA node 0 is already used by another instance");
        instances.startService(first); // a resent START: accepted, changes nothing
        var reshaped = new TestSpecs.App();
        reshaped.instanceId = first.instanceId();
        reshaped.memoryMB = 32;
        assertThatThrownBy(() -> instances.startService(reshaped.build()))
                .isInstanceOf(StartRefusedException.class)
                .hasMessage("Instance " + first.instanceId() + " is already running on this executor");

        awaitState(first.instanceId(), HEALTHY);
        assertThat(heard.states(first.instanceId())).containsOnlyOnce(InstanceState.PENDING);
        assertThat(heard.states(second.instanceId())).isEmpty();
        assertThat(instances.isRunning(second.instanceId())).isFalse();
        assertThat(containerExists(docker, TestSpecs.APP_ID + "-" + second.instanceId())).isFalse();
        assertThat(executor.resources().holders()).containsExactly(first.instanceId());
    }

    @Test
    void anImageThatCannotBePulledButIsOnThisExecutorRunsTheLocalCopy() throws Exception {
        ListAppender<ILoggingEvent> engineLog = new ListAppender<>();
        engineLog.start();
        Logger logger = (Logger) LoggerFactory.getLogger(ContainerEngine.class);
        logger.addAppender(engineLog);
        try {
            ApplicationInstanceSpec spec = new TestSpecs.App().build();
            instances.startService(spec);

            awaitState(spec.instanceId(), HEALTHY);
            assertThat(engineLog.list).anySatisfy(event -> {
                assertThat(event.getLevel()).isEqualTo(Level.WARN);
                assertThat(event.getFormattedMessage()).startsWith("Could not pull " + TestSpecs.APP_IMAGE)
                        .endsWith("running the local copy");
            });
        } finally {
            logger.detachAppender(engineLog);
        }
    }

    @Test
    void anImageThatIsNowhereFailsProvisioningAndTheInstanceIsCleanedUp() throws Exception {
        TestSpecs.App app = new TestSpecs.App();
        app.image = TestSpecs.APP_IMAGE.replace("drove-test/app:instances", "drove-test/missing:1");
        ApplicationInstanceSpec spec = app.build();

        instances.startService(spec);

        InstanceInfo stopped = awaitState(spec.instanceId(), STOPPED);
        assertThat(heard.states(spec.instanceId()))
                .containsExactly(PENDING, PROVISIONING, PROVISIONING_FAILED, DEPROVISIONING, STOPPED);
        assertThat(stopped.errorMessage()).startsWith("Could not pull " + app.image)
                .endsWith("and the executor has no local copy");
        assertThat(stopped.localInfo()).isNull();
        assertThat(executor.resources().holds(spec.instanceId())).isFalse();
    }

    @Test
    void aControllerFetchedConfigThatArrivesWithoutItsContentFailsTheStart(DockerClient docker) throws Exception {
        TestSpecs.App app = new TestSpecs.App();
        app.configs.add(new ControllerHttpFetchConfigSpec("/files/remote.yml",
                HTTPCallSpec.get(Protocol.HTTP, "127.0.0.1", 9, "/config")));
        ApplicationInstanceSpec spec = app.build();

        instances.startService(spec);

        InstanceInfo stopped = awaitState(spec.instanceId(), STOPPED);
        assertThat(heard.states(spec.instanceId()))
                .containsExactly(PENDING, PROVISIONING, STARTING, START_FAILED, DEPROVISIONING, STOPPED);
        assertThat(stopped.errorMessage()).isEqualTo("Config /files/remote.yml is CONTROLLER_HTTP_FETCH and arrived "
                + "without its content; the controller must fetch it and send it inline");
        assertThat(containerExists(docker, TestSpecs.APP_ID + "-" + spec.instanceId())).isFalse();
    }

    @Test
    void anInstanceAdoptedByARestartedExecutorBecomesHealthyInTheSameContainerWithoutTheInitialDelays(DockerClient docker)
            throws Exception {
        ApplicationInstanceSpec spec = new TestSpecs.App().build();
        instances.startService(spec);
        InstanceInfo before = awaitState(spec.instanceId(), HEALTHY);
        InspectContainerResponse running = docker.inspectContainerCmd(TestSpecs.APP_ID + "-" + spec.instanceId())
                .exec();
        executor.close();

        try (TestExecutor restarted = new TestExecutor()) {
            RecordingListener heardAfterRestart = new RecordingListener();
            restarted.instances().addListener(heardAfterRestart);

            Map<String, String> labels = new HashMap<>(running.getConfig().getLabels());
            labels.put(ContainerLabels.INSTANCE_SPEC, Json.mapper().writeValueAsString(withSlowStart(spec)));

            String adopted = restarted.instances().adopt(running.getId(), labels);

            assertThat(adopted).isEqualTo(spec.instanceId());
            await().atMost(java.time.Duration.ofSeconds(10)).until(() -> heardAfterRestart.last(adopted) != null
                    && heardAfterRestart.last(adopted).state() == HEALTHY);
            assertThat(heardAfterRestart.states(adopted))
                    .containsExactly(InstanceState.UNKNOWN, UNREADY, READY, HEALTHY);
            InstanceInfo after = heardAfterRestart.last(adopted);
            assertThat(after.localInfo().ports()).isEqualTo(before.localInfo().ports());
            assertThat(after.created()).isEqualTo(before.created());
            assertThat(restarted.resources().holds(adopted)).isTrue();
            InspectContainerResponse still = docker.inspectContainerCmd(running.getId()).exec();
            assertThat(still.getState().getRunning()).isTrue();
            assertThat(still.getState().getStartedAt()).isEqualTo(running.getState().getStartedAt());
            assertThat(get(after.localInfo().ports().get("main").hostPort(), "/cgi-bin/health").statusCode())
                    .isEqualTo(200);

            assertThatThrownBy(() -> restarted.instances().adopt(running.getId(), running.getConfig().getLabels()))
                    .isInstanceOf(StartRefusedException.class);
            restarted.instances().stop(adopted);
            await().atMost(START_WITHIN).until(() -> heardAfterRestart.last(adopted).state() == STOPPED);
            assertThat(containerExists(docker, running.getId())).isFalse();
        }
    }

    /** The same instance with checks that wait a minute before their first run, unless the container is adopted. */
    private static ApplicationInstanceSpec withSlowStart(ApplicationInstanceSpec spec) {
        TestSpecs.App app = new TestSpecs.App();
        app.instanceId = spec.instanceId();
        app.readiness = new CheckSpec(spec.readiness().mode(), spec.readiness().timeout(),
                spec.readiness().interval(), spec.readiness().attempts(), Duration.minutes(1));
        app.healthcheck = new CheckSpec(spec.healthcheck().mode(), spec.healthcheck().timeout(),
                spec.healthcheck().interval(), spec.healthcheck().attempts(), Duration.minutes(1));
        return app.build();
    }

    private static TestSpecs.App withHook(Path hooks) {
        TestSpecs.App app = new TestSpecs.App();
        app.volumes.add(new MountedVolume("/hooks", hooks.toString(), MountedVolume.MountMode.READ_WRITE));
        app.preShutdown = new PreShutdownSpec(List.of(new CmdCheckModeSpec(
                "echo \"hook ran in $DROVE_INSTANCE_ID\" >> /hooks/prestop.log", false)), Duration.seconds(0));
        return app;
    }

    private InstanceInfo awaitState(String instanceId, InstanceState state) {
        await().atMost(START_WITHIN).until(() -> heard.states(instanceId).contains(state));
        return heard.first(instanceId, state);
    }

    private static boolean containerExists(DockerClient docker, String nameOrId) {
        try {
            docker.inspectContainerCmd(nameOrId).exec();
            return true;
        } catch (NotFoundException e) {
            return false;
        }
    }

    private static HttpResponse<String> get(int hostPort, String pathAndQuery) throws IOException,
            InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + hostPort + pathAndQuery))
                .timeout(java.time.Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
