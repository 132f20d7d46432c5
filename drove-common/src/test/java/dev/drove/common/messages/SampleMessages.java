package dev.drove.common.messages;

import dev.drove.models.application.ApplicationSpec;
import dev.drove.models.application.JobType;
import dev.drove.models.application.MountedVolume;
import dev.drove.models.application.PortSpec;
import dev.drove.models.application.PortType;
import dev.drove.models.application.PreShutdownSpec;
import dev.drove.models.application.checks.CheckSpec;
import dev.drove.models.application.checks.CmdCheckModeSpec;
import dev.drove.models.application.checks.HTTPCheckModeSpec;
import dev.drove.models.application.devices.DirectDeviceSpec;
import dev.drove.models.application.executable.DockerCoordinates;
import dev.drove.models.application.logging.LocalLoggingSpec;
import dev.drove.models.application.nonroot.UserSpec;
import dev.drove.models.application.placement.LocalPlacement;
import dev.drove.models.application.requirements.ResourceRequirement;
import dev.drove.models.config.InlineConfigSpec;
import dev.drove.models.info.nodedata.ExecutorNodeData;
import dev.drove.models.info.nodedata.ExecutorState;
import dev.drove.models.info.nodedata.NodeTransportType;
import dev.drove.models.info.resources.AvailableCPU;
import dev.drove.models.info.resources.AvailableMemory;
import dev.drove.models.info.resources.CPUAllocation;
import dev.drove.models.info.resources.ExecutorResourceSnapshot;
import dev.drove.models.info.resources.MemoryAllocation;
import dev.drove.models.info.resources.PhysicalLayout;
import dev.drove.models.info.resources.ResourceAllocation;
import dev.drove.models.instance.InstanceInfo;
import dev.drove.models.instance.InstancePort;
import dev.drove.models.instance.InstanceState;
import dev.drove.models.instance.LocalInstanceInfo;
import dev.drove.models.instance.LocalServiceInstanceInfo;
import dev.drove.models.instance.LocalServiceInstanceState;
import dev.drove.models.localservice.LocalServiceSpec;
import dev.drove.models.task.TaskSpec;
import dev.drove.models.taskinstance.TaskInfo;
import dev.drove.models.taskinstance.TaskResult;
import dev.drove.models.taskinstance.TaskState;
import io.dropwizard.util.Duration;

import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Fully populated examples of every message, spec and report, for round trips. */
final class SampleMessages {
    static final Date NOW = new Date(1_700_000_000_000L);
    static final ExecutorAddress ADDRESS = new ExecutorAddress("e2b5a0b4-0000-3000-8000-000000000001",
            "executor-1.internal", 3000, NodeTransportType.HTTP);
    static final List<ResourceAllocation> PINNED = List.of(
            new CPUAllocation(Map.of(0, Set.of(2, 3))), new MemoryAllocation(Map.of(0, 512L)));
    static final ExecutorResourceSnapshot SNAPSHOT = new ExecutorResourceSnapshot(ADDRESS.executorId(),
            new AvailableCPU(Map.of(0, Set.of(4, 5)), Map.of(0, Set.of(2, 3))),
            new AvailableMemory(Map.of(0, 1024L), Map.of(0, 512L)),
            new PhysicalLayout(Map.of(0, Set.of(2, 3, 4, 5)), Map.of(0, 1536L)));

    private SampleMessages() {
    }

    static ApplicationSpec applicationSpec() {
        return new ApplicationSpec("billing", "1", DockerCoordinates.of("drove-test/app:latest"),
                List.of(new PortSpec("main", 8000, PortType.HTTP)),
                List.of(new MountedVolume("/data", "/var/lib/billing", MountedVolume.MountMode.READ_WRITE)),
                List.of(new InlineConfigSpec("/etc/billing.yml", "port: 8000".getBytes(StandardCharsets.UTF_8))),
                JobType.SERVICE, LocalLoggingSpec.DEFAULT, ResourceRequirement.of(2, 512), null,
                check(), check(), Map.of("team", "payments"), Map.of("MODE", "live"), List.of("--verbose"),
                List.of(new DirectDeviceSpec("/dev/fuse", null, null)), null,
                new PreShutdownSpec(List.of(new CmdCheckModeSpec("sleep 1", false)), Duration.seconds(3)),
                new UserSpec("1000", "1000"));
    }

    static LocalServiceSpec localServiceSpec(boolean hostLevel) {
        var app = applicationSpec();
        return new LocalServiceSpec("agent", "2", app.executable(), app.exposedPorts(), app.volumes(), app.configs(),
                JobType.LOCAL_SERVICE, app.logging(), app.resources(), new LocalPlacement(hostLevel),
                app.healthcheck(), app.readiness(), app.tags(), app.env(), app.args(), app.devices(),
                app.preShutdown(), app.userSpec());
    }

    static TaskSpec taskSpec() {
        var app = applicationSpec();
        return new TaskSpec("billing", "T0012", app.executable(), app.volumes(), app.configs(), app.logging(),
                app.resources(), null, Map.of(), Map.of("RUN", "once"), List.of("--dry-run"), List.of(), null);
    }

    static ApplicationInstanceSpec applicationInstance() {
        var spec = applicationSpec();
        return ApplicationInstanceSpec.from(spec, "AI-1", PINNED, spec.configs(), "jwt.token.value");
    }

    static LocalServiceInstanceSpec localServiceInstance() {
        var spec = localServiceSpec(true);
        return LocalServiceInstanceSpec.from(spec, "SI-1", PINNED, spec.configs(), "jwt.token.value");
    }

    static TaskInstanceSpec taskInstance() {
        var spec = taskSpec();
        return TaskInstanceSpec.from(spec, "TI-1", PINNED, spec.configs(), "jwt.token.value");
    }

    static InstanceInfo instanceInfo() {
        return new InstanceInfo("billing-1", "billing", "AI-1", ADDRESS.executorId(),
                new LocalInstanceInfo(ADDRESS.hostname(), Map.of("main", new InstancePort(8000, 32768,
                        PortType.HTTP))), PINNED, InstanceState.HEALTHY, Map.of("k", "v"), "", NOW, NOW);
    }

    static LocalServiceInstanceInfo localServiceInstanceInfo() {
        return new LocalServiceInstanceInfo("agent-2", "agent", "SI-1", ADDRESS.executorId(),
                new LocalInstanceInfo(ADDRESS.hostname(), Map.of()), PINNED, LocalServiceInstanceState.READY,
                Map.of(), "", NOW, NOW);
    }

    static TaskInfo taskInfo() {
        return new TaskInfo("billing", "T0012", "TI-1", ADDRESS.executorId(), ADDRESS.hostname(),
                DockerCoordinates.of("drove-test/task:latest"), PINNED, List.of(), LocalLoggingSpec.DEFAULT,
                Map.of("RUN", "once"), TaskState.RUN_COMPLETED, Map.of(), TaskResult.exited(0), "", NOW, NOW);
    }

    static ExecutorNodeData executorNodeData() {
        return new ExecutorNodeData(ADDRESS.hostname(), ADDRESS.port(), NodeTransportType.HTTP, NOW, SNAPSHOT,
                List.of(instanceInfo()), List.of(taskInfo()), List.of(localServiceInstanceInfo()), Set.of("gpu"),
                Map.of("rack", "r1"), ExecutorState.ACTIVE);
    }

    /** One message of every type, each named by its type. */
    static Map<String, Message> everyMessage() {
        return Map.ofEntries(
                Map.entry("START_INSTANCE", ExecutorMessage.startInstance(ADDRESS, applicationInstance())),
                Map.entry("STOP_INSTANCE", ExecutorMessage.stopInstance(ADDRESS, "AI-1")),
                Map.entry("START_TASK", ExecutorMessage.startTask(ADDRESS, taskInstance())),
                Map.entry("STOP_TASK", ExecutorMessage.stopTask(ADDRESS, "TI-1")),
                Map.entry("START_LOCAL_SERVICE_INSTANCE",
                        ExecutorMessage.startLocalServiceInstance(ADDRESS, localServiceInstance())),
                Map.entry("STOP_LOCAL_SERVICE_INSTANCE", ExecutorMessage.stopLocalServiceInstance(ADDRESS, "SI-1")),
                Map.entry("BLACKLIST", ExecutorMessage.blacklist(ADDRESS)),
                Map.entry("UNBLACKLIST", ExecutorMessage.unblacklist(ADDRESS)),
                Map.entry("INSTANCE_STATE_REPORT", ControllerMessage.instanceStateReport(SNAPSHOT, instanceInfo())),
                Map.entry("TASK_STATE_REPORT", ControllerMessage.taskStateReport(SNAPSHOT, taskInfo())),
                Map.entry("LOCAL_SERVICE_INSTANCE_STATE_REPORT",
                        ControllerMessage.localServiceInstanceStateReport(SNAPSHOT, localServiceInstanceInfo())),
                Map.entry("EXECUTOR_SNAPSHOT", ControllerMessage.executorSnapshot(executorNodeData())));
    }

    private static CheckSpec check() {
        return new CheckSpec(HTTPCheckModeSpec.get("main", "/health"), Duration.seconds(1), Duration.seconds(3), 3,
                Duration.seconds(0));
    }
}
