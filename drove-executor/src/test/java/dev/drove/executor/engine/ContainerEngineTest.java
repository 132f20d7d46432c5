package dev.drove.executor.engine;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.Ports;
import com.github.dockerjava.api.model.Ulimit;
import dev.drove.common.testkit.DockerExtension;
import dev.drove.common.testkit.TestImage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The engine on the local Docker engine with the kit's images. Registries in these tests are loopback addresses, so
 * every pull stays on this machine.
 */
@ExtendWith(DockerExtension.class)
class ContainerEngineTest {
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .build();

    private static DockerClients docker;
    private static ContainerEngine engine;
    private final List<String> tags = new ArrayList<>();
    private ListAppender<ILoggingEvent> engineLog;

    @BeforeAll
    static void connect() {
        // This sandbox's engine allows at most 20000 open files, below the production default of 470000.
        ExecutorOptions options = new ExecutorOptions(null, false, null, null, 4096L, null, null, null);
        docker = DockerClients.create(options);
        engine = new ContainerEngine(docker, options);
    }

    @AfterAll
    static void disconnect() {
        docker.close();
    }

    @BeforeEach
    void captureEngineLog() {
        engineLog = new ListAppender<>();
        engineLog.start();
        ((Logger) LoggerFactory.getLogger(ContainerEngine.class)).addAppender(engineLog);
    }

    @AfterEach
    void untagTestImages(DockerClient kit) {
        ((Logger) LoggerFactory.getLogger(ContainerEngine.class)).detachAppender(engineLog);
        tags.forEach(tag -> {
            try {
                kit.removeImageCmd(tag).exec();
            } catch (RuntimeException alreadyGone) {
                // The test removed it itself.
            }
        });
    }

    @Test
    void aContainerRunsWithExactlyTheRequestedPinningMemoryPortEnvLabelsAndFiles() throws Exception {
        int hostPort = HostPorts.allocate(1).get(0);
        String name = uniqueName("app");
        String id = engine.create(ContainerRequest.builder(name, TestImage.APP.reference())
                .cpusetCpus(new TreeSet<>(List.of(0)))
                .cpusetMems(new TreeSet<>(List.of(0)))
                .memoryMB(16)
                .port(8000, hostPort, ContainerRequest.Protocol.TCP)
                .env("HOST", "executor-1").env("DROVE_APP_NAME", "engine-test").env("PORT_8000", "" + hostPort)
                .label(ContainerEngine.INSTANCE_ID_LABEL, name).label("drove.job.type", "SERVICE")
                .file("/testfiles/drove.txt", "Hello from Drove\n".getBytes(StandardCharsets.UTF_8))
                .build());
        engine.start(id);

        InspectContainerResponse inspected = engine.inspect(id).orElseThrow();
        HostConfig host = inspected.getHostConfig();
        assertThat(host.getCpusetCpus()).isEqualTo("0");
        assertThat(host.getCpusetMems()).isEqualTo("0");
        assertThat(host.getMemory()).isEqualTo(16L * 1024 * 1024);
        assertThat(host.getUlimits()).containsExactly(new Ulimit("nofile", 4096L, 4096L));
        Ports.Binding[] bindings = host.getPortBindings().getBindings().get(ExposedPort.tcp(8000));
        assertThat(bindings).hasSize(1);
        assertThat(bindings[0].getHostIp()).as("no address = all interfaces").isNullOrEmpty();
        assertThat(bindings[0].getHostPortSpec()).isEqualTo(Integer.toString(hostPort));
        assertThat(inspected.getNetworkSettings().getPorts().getBindings().get(ExposedPort.tcp(8000)))
                .extracting(Ports.Binding::getHostIp).contains("0.0.0.0");
        assertThat(host.getLogConfig().getConfig()).containsEntry("max-size", "10m").containsEntry("max-file", "3")
                .containsEntry("mode", "non-blocking");
        assertThat(inspected.getConfig().getLabels())
                .containsAllEntriesOf(Map.of(ContainerEngine.INSTANCE_ID_LABEL, name, "drove.job.type", "SERVICE"));
        assertThat(inspected.getName()).isEqualTo("/" + name);

        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(get(hostPort, "/").statusCode()).isEqualTo(200));
        HttpResponse<String> file = get(hostPort, "/cgi-bin/file?/testfiles/drove.txt");
        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(file.body()).isEqualTo("Hello from Drove\n");
        assertThat(get(hostPort, "/cgi-bin/env").body().lines())
                .contains("HOST=executor-1", "DROVE_APP_NAME=engine-test", "PORT_8000=" + hostPort);
        assertThat(engine.isRunning(id)).isTrue();
        assertThat(engine.exitCode(id)).isEmpty();
    }

    @Test
    void anImageThatOnlyExistsLocallyRunsWithAWarning(DockerClient kit) {
        String image = loopbackRegistry() + "/drove/app:1";
        tag(kit, TestImage.APP, image);

        engine.ensureImage(image, Duration.ofSeconds(30));

        assertThat(engineLog.list).anySatisfy(event -> {
            assertThat(event.getLevel()).isEqualTo(Level.WARN);
            assertThat(event.getFormattedMessage()).startsWith("Could not pull " + image + " (")
                    .endsWith("); running the local copy");
        });
    }

    @Test
    void anImageThatExistsNowhereFailsWithTheReason() {
        String image = loopbackRegistry() + "/drove/missing:1";

        assertThatThrownBy(() -> engine.ensureImage(image, Duration.ofSeconds(30)))
                .isInstanceOf(ContainerEngineException.class)
                .hasMessageStartingWith("Could not pull " + image + " (")
                .hasMessageEndingWith(") and the executor has no local copy");
    }

    @Test
    void aPullThatHangsIsGivenUpAfterItsTimeout() throws IOException {
        try (ServerSocket silentRegistry = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread acceptor = new Thread(() -> holdConnections(silentRegistry), "silent-registry");
            acceptor.setDaemon(true);
            acceptor.start();
            String image = "127.0.0.1:" + silentRegistry.getLocalPort() + "/drove/slow:1";

            long started = System.nanoTime();
            assertThatThrownBy(() -> engine.ensureImage(image, Duration.ofSeconds(1)))
                    .isInstanceOf(ContainerEngineException.class)
                    .hasMessage("Could not pull " + image + " (timed out after 1 s) and the executor has no local copy");
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
        }
    }

    @Test
    void execReturnsTheExitCodeAndTheOutput() {
        String id = startApp();

        ExecResult shell = engine.exec(id, "echo from-the-shell; echo to-stderr >&2; exit 3", false,
                Duration.ofSeconds(10));
        assertThat(shell.exitCode()).isEqualTo(3);
        assertThat(shell.output()).contains("from-the-shell\n", "to-stderr\n");
        assertThat(shell.isSuccess()).isFalse();

        ExecResult direct = engine.exec(id, "check   health", true, Duration.ofSeconds(10));
        assertThat(direct.exitCode()).isZero();
        assertThat(direct.isSuccess()).isTrue();

        ExecResult slow = engine.exec(id, "sleep 5", false, Duration.ofMillis(300));
        assertThat(slow.timedOut()).isTrue();
        assertThat(slow.isSuccess()).isFalse();
    }

    @Test
    void execInAStoppedContainerFailsNamingTheContainer() {
        String id = startApp();
        engine.kill(id);

        assertThatThrownBy(() -> engine.exec(id, "true", false, Duration.ofSeconds(5)))
                .isInstanceOf(ContainerEngineException.class)
                .hasMessageContaining("in container " + id);
    }

    @Test
    void aTaskContainersExitCodeIsReadableOnceItStops() {
        String name = uniqueName("task");
        String id = engine.create(ContainerRequest.builder(name, TestImage.TASK.reference()).memoryMB(16)
                .env("ITERATIONS", "1").env("SLEEP_SECONDS", "0").env("EXIT_CODE", "7")
                .label(ContainerEngine.INSTANCE_ID_LABEL, name).build());
        assertThat(engine.exitCode(id)).as("never started").isEmpty();
        engine.start(id);

        await().atMost(Duration.ofSeconds(10)).until(() -> !engine.isRunning(id));
        assertThat(engine.exitCode(id)).hasValue(7);
        assertThat(engine.listManaged()).anySatisfy(container -> {
            assertThat(container.id()).isEqualTo(id);
            assertThat(container.name()).isEqualTo(name);
            assertThat(container.instanceId()).isEqualTo(name);
            assertThat(container.isRunning()).isFalse();
        });
    }

    @Test
    void stopKillAndRemoveAreSafeToRepeat() {
        String id = startApp();
        assertThat(engine.listManaged()).anySatisfy(container -> {
            assertThat(container.id()).isEqualTo(id);
            assertThat(container.isRunning()).isTrue();
        });

        engine.stop(id, Duration.ofSeconds(5));
        assertThat(engine.isRunning(id)).isFalse();
        assertThat(engine.exitCode(id)).hasValue(0);
        engine.stop(id, Duration.ofSeconds(5));
        engine.kill(id);
        engine.remove(id);
        engine.remove(id);
        engine.kill(id);
        engine.stop(id, Duration.ofSeconds(1));

        assertThat(engine.inspect(id)).isEmpty();
        assertThat(engine.isRunning(id)).isFalse();
        assertThat(engine.listManaged()).noneSatisfy(container -> assertThat(container.id()).isEqualTo(id));
    }

    @Test
    void aSecondContainerWithTheSameNameIsRefusedWithTheEnginesReason() {
        String name = uniqueName("twice");
        ContainerRequest request = ContainerRequest.builder(name, TestImage.APP.reference()).memoryMB(16)
                .label(ContainerEngine.INSTANCE_ID_LABEL, name).build();
        engine.create(request);

        assertThatThrownBy(() -> engine.create(request))
                .isInstanceOf(ContainerEngineException.class)
                .hasMessageStartingWith("Cannot create container " + name + ": ")
                .hasMessageContaining("already in use");
    }

    @Test
    void anImageIsRemovedOnlyOnceNoContainerUsesIt(DockerClient kit) {
        String image = loopbackRegistry() + "/drove/unused:" + UUID.randomUUID().toString().substring(0, 8);
        tag(kit, TestImage.TASK, image);
        String name = uniqueName("user");
        String id = engine.create(ContainerRequest.builder(name, image).memoryMB(16)
                .label(ContainerEngine.INSTANCE_ID_LABEL, name).build());

        assertThat(new ContainerEngine(docker, ExecutorOptions.DEFAULTS).removeImageIfUnused(image))
                .as("cacheImages keeps every image").isFalse();
        assertThat(engine.removeImageIfUnused(image)).as("a created container uses it").isFalse();
        engine.remove(id);
        assertThat(engine.removeImageIfUnused(image)).isTrue();
        assertThat(kit.listImagesCmd().withReferenceFilter(image).exec()).isEmpty();
        assertThat(kit.listImagesCmd().withReferenceFilter(TestImage.TASK.reference()).exec())
                .as("other tags of the same image stay").isNotEmpty();
    }

    private String startApp() {
        String name = uniqueName("app");
        String id = engine.create(ContainerRequest.builder(name, TestImage.APP.reference()).memoryMB(16)
                .label(ContainerEngine.INSTANCE_ID_LABEL, name).build());
        engine.start(id);
        return id;
    }

    private void tag(DockerClient kit, TestImage source, String target) {
        ImageName name = ImageName.parse(target);
        kit.tagImageCmd(source.reference(), name.repository(), name.tag()).exec();
        tags.add(target);
    }

    /** A registry address on loopback where nothing listens, so a pull fails at once without leaving the host. */
    private static String loopbackRegistry() {
        return "127.0.0.1:" + HostPorts.allocate(1).get(0);
    }

    private static String uniqueName(String kind) {
        return "drove-engine-test-" + kind + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Accepts connections and never answers, like a registry that hangs. */
    private static void holdConnections(ServerSocket server) {
        List<Socket> held = new ArrayList<>();
        try {
            while (!server.isClosed()) {
                held.add(server.accept());
            }
        } catch (IOException closed) {
            held.forEach(socket -> {
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // Closing anyway.
                }
            });
        }
    }
}
