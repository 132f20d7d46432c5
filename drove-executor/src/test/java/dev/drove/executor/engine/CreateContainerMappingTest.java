package dev.drove.executor.engine;

import com.github.dockerjava.api.command.CreateContainerCmd;
import com.github.dockerjava.api.model.AccessMode;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.Device;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.LogConfig;
import com.github.dockerjava.api.model.Ports;
import com.github.dockerjava.api.model.Ulimit;
import io.dropwizard.util.DataSize;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A container request becomes the create command of drove-contract.md §3; nothing is sent to the engine here. */
class CreateContainerMappingTest {
    private static final ExecutorOptions OPTIONS = new ExecutorOptions(null, null, null, null, 1000L,
            DataSize.megabytes(5), DataSize.megabytes(30), 4);
    private static DockerClients docker;

    @BeforeAll
    static void clients() {
        docker = DockerClients.create(OPTIONS);
    }

    @AfterAll
    static void close() {
        docker.close();
    }

    private static CreateContainerCmd map(ContainerRequest request) {
        return CreateContainerMapping.of(docker.commands(), request, OPTIONS);
    }

    @Test
    void pinningMemoryPortsAndLimitsGoIntoTheHostConfig() {
        var request = ContainerRequest.builder("app1-inst1", "drove-test/app:latest")
                .cpusetCpus(new TreeSet<>(List.of(3, 1))).cpusetMems(new TreeSet<>(List.of(0)))
                .memoryMB(128)
                .port(8000, 32001, ContainerRequest.Protocol.TCP)
                .port(5353, 32002, ContainerRequest.Protocol.UDP)
                .volume("/var/data", "/data", true)
                .volume("/var/scratch", "/scratch", false)
                .device("/dev/fuse", "/dev/fuse", "rw")
                .build();
        HostConfig host = map(request).getHostConfig();
        assertThat(host.getCpusetCpus()).isEqualTo("1,3");
        assertThat(host.getCpusetMems()).isEqualTo("0");
        assertThat(host.getMemory()).isEqualTo(128L * 1024 * 1024);
        assertThat(host.getUlimits()).containsExactly(new Ulimit("nofile", 1000L, 1000L));
        Map<ExposedPort, Ports.Binding[]> bindings = host.getPortBindings().getBindings();
        assertThat(bindings.get(ExposedPort.tcp(8000))).containsExactly(Ports.Binding.bindPort(32001));
        assertThat(bindings.get(ExposedPort.udp(5353))).containsExactly(Ports.Binding.bindPort(32002));
        assertThat(bindings.get(ExposedPort.tcp(8000))[0].getHostIp()).as("all interfaces").isNullOrEmpty();
        assertThat(host.getBinds()).containsExactly(
                new Bind("/var/data", new com.github.dockerjava.api.model.Volume("/data"), AccessMode.ro),
                new Bind("/var/scratch", new com.github.dockerjava.api.model.Volume("/scratch"), AccessMode.rw));
        assertThat(host.getDevices()).containsExactly(new Device("rw", "/dev/fuse", "/dev/fuse"));
        assertThat(host.getDeviceRequests()).isNull();
        assertThat(map(request).getExposedPorts()).containsExactly(ExposedPort.tcp(8000), ExposedPort.udp(5353));
    }

    @Test
    void noPinningLeavesTheCpusetUnset() {
        HostConfig host = map(ContainerRequest.builder("t1", "drove-test/task").memoryMB(16).build()).getHostConfig();
        assertThat(host.getCpusetCpus()).isNull();
        assertThat(host.getCpusetMems()).isNull();
    }

    @Test
    void envKeepsItsOrderAndArgsBecomeTheCommand() {
        CreateContainerCmd create = map(ContainerRequest.builder("app1-inst1", "drove-test/app")
                .memoryMB(16)
                .env("HOST", "executor-1").env("B", "2").env("A", "1").env("EMPTY", null)
                .args(List.of("--port", "8000"))
                .label("drove.instance.id", "inst1")
                .user("1000:1000")
                .build());
        assertThat(create.getEnv()).containsExactly("HOST=executor-1", "B=2", "A=1", "EMPTY=");
        assertThat(create.getCmd()).containsExactly("--port", "8000");
        assertThat(create.getLabels()).containsEntry("drove.instance.id", "inst1");
        assertThat(create.getUser()).isEqualTo("1000:1000");
        assertThat(create.getName()).isEqualTo("app1-inst1");
        assertThat(create.getImage()).isEqualTo("drove-test/app");
    }

    @Test
    void noArgsKeepTheImagesOwnCommand() {
        assertThat(map(ContainerRequest.builder("t1", "drove-test/task").memoryMB(16).build()).getCmd()).isNull();
    }

    @Test
    void localLoggingIsJsonFileWithRotationAndANonBlockingBuffer() {
        LogConfig log = map(ContainerRequest.builder("t1", "drove-test/task").memoryMB(16)
                .logging(new ContainerLogging.JsonFile("20m", 5, false)).build()).getHostConfig().getLogConfig();
        assertThat(log.getType()).isEqualTo(LogConfig.LoggingType.JSON_FILE);
        assertThat(log.getConfig()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "max-size", "20m", "max-file", "5", "compress", "false",
                "mode", "non-blocking", "max-buffer-size", "5000000"));
    }

    @Test
    void withoutALoggingSpecContainersGetTenMegabytesTimesThreeCompressed() {
        LogConfig log = map(ContainerRequest.builder("t1", "drove-test/task").memoryMB(16).build())
                .getHostConfig().getLogConfig();
        assertThat(log.getConfig()).containsEntry("max-size", "10m").containsEntry("max-file", "3")
                .containsEntry("compress", "true");
    }

    @Test
    void rsyslogLoggingKeepsALocalCacheSoTheOutputCanStillBeFollowed() {
        LogConfig log = map(ContainerRequest.builder("t1", "drove-test/task").memoryMB(16)
                .logging(new ContainerLogging.Syslog("udp://127.0.0.1:514", "pre-inst1-post")).build())
                .getHostConfig().getLogConfig();
        assertThat(log.getType()).isEqualTo(LogConfig.LoggingType.SYSLOG);
        assertThat(log.getConfig()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "syslog-address", "udp://127.0.0.1:514", "tag", "pre-inst1-post",
                "cache-disabled", "false", "cache-max-size", "30000000", "cache-max-file", "4",
                "cache-compress", "true", "mode", "non-blocking", "max-buffer-size", "5000000"));
    }

    @Test
    void gpusRequestEveryGpuOfTheHost() {
        var requests = map(ContainerRequest.builder("t1", "drove-test/task").memoryMB(16).gpus(true).build())
                .getHostConfig().getDeviceRequests();
        assertThat(requests).hasSize(1);
        assertThat(requests.get(0).getCount()).isEqualTo(-1);
        assertThat(requests.get(0).getCapabilities()).containsExactly(List.of("gpu"));
    }

    @Test
    void aRequestsOwnNofileLimitWinsOverTheExecutorDefault() {
        HostConfig host = map(ContainerRequest.builder("t1", "drove-test/task").memoryMB(16).maxOpenFiles(64).build())
                .getHostConfig();
        assertThat(host.getUlimits()).containsExactly(new Ulimit("nofile", 64L, 64L));
    }

    @Test
    void fileTargetsMustBeAbsoluteAndStayInsideTheContainer() {
        assertThatThrownBy(() -> ContainerRequest.builder("t1", "x").memoryMB(16)
                .file("etc/app.yml", new byte[0]).build())
                .hasMessageContaining("absolute");
        assertThatThrownBy(() -> ContainerRequest.builder("t1", "x").memoryMB(16)
                .file("/etc/../../app.yml", new byte[0]).build())
                .hasMessageContaining("'..'");
    }

    @Test
    void aContainerNeedsAMemoryLimit() {
        assertThatThrownBy(() -> ContainerRequest.builder("t1", "x").build())
                .hasMessage("Container t1 needs a memory limit above 0 MB");
    }
}
