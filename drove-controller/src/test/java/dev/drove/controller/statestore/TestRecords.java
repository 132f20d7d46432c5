package dev.drove.controller.statestore;

import dev.drove.models.application.ApplicationInfo;
import dev.drove.models.application.ApplicationSpec;
import dev.drove.models.application.JobType;
import dev.drove.models.application.PortSpec;
import dev.drove.models.application.PortType;
import dev.drove.models.application.checks.CheckSpec;
import dev.drove.models.application.checks.CmdCheckModeSpec;
import dev.drove.models.application.checks.HTTPCheckModeSpec;
import dev.drove.models.application.executable.DockerCoordinates;
import dev.drove.models.application.placement.LocalPlacement;
import dev.drove.models.application.requirements.ResourceRequirement;
import dev.drove.models.info.resources.CPUAllocation;
import dev.drove.models.info.resources.MemoryAllocation;
import dev.drove.models.instance.InstanceInfo;
import dev.drove.models.instance.InstancePort;
import dev.drove.models.instance.InstanceState;
import dev.drove.models.instance.LocalInstanceInfo;
import dev.drove.models.instance.LocalServiceInstanceInfo;
import dev.drove.models.instance.LocalServiceInstanceState;
import dev.drove.models.localservice.ActivationState;
import dev.drove.models.localservice.LocalServiceInfo;
import dev.drove.models.localservice.LocalServiceSpec;
import dev.drove.models.taskinstance.TaskInfo;
import dev.drove.models.taskinstance.TaskResult;
import dev.drove.models.taskinstance.TaskState;
import io.dropwizard.util.Duration;

import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Small, complete records for store tests; times are fixed epoch milliseconds so round trips compare equal. */
final class TestRecords {
    static final String EXECUTOR_ID = "a45442a1-d4d0-3479-ab9e-3ed0aa5f7d2d";

    private TestRecords() {
    }

    /** {@code name-1}, asked to run {@code instances} instances. */
    static ApplicationInfo application(String name, long instances) {
        var spec = new ApplicationSpec(name, "1", DockerCoordinates.of("ghcr.io/example/" + name + ":1"),
                List.of(new PortSpec("main", 8000, PortType.HTTP)), null, null, JobType.SERVICE, null,
                ResourceRequirement.of(1, 128), null, check(HTTPCheckModeSpec.get("main", "/health")),
                check(new CmdCheckModeSpec("true", false)), Map.of("team", "payments"), Map.of("MODE", "test"),
                null, null, null, null, null);
        return new ApplicationInfo(spec.appId(), spec, instances, new Date(1_000), new Date(2_000));
    }

    /** Instance {@code instanceId} of {@code appId} in {@code state}, created and updated at the given millis. */
    static InstanceInfo instance(String appId, String instanceId, InstanceState state, long created, long updated) {
        return new InstanceInfo(appId, appId.substring(0, appId.lastIndexOf('-')), instanceId, EXECUTOR_ID,
                new LocalInstanceInfo("executor-1.local", Map.of("main", new InstancePort(8000, 32768,
                        PortType.HTTP))),
                List.of(new CPUAllocation(Map.of(0, Set.of(2, 3))), new MemoryAllocation(Map.of(0, 512L))),
                state, Map.of("rack", "r1"), "", new Date(created), new Date(updated));
    }

    static InstanceInfo instance(String appId, String instanceId, InstanceState state) {
        return instance(appId, instanceId, state, 10_000, 20_000);
    }

    /** Task {@code taskId} of {@code sourceAppName} in {@code state}. */
    static TaskInfo task(String sourceAppName, String taskId, TaskState state) {
        return new TaskInfo(sourceAppName, taskId, "TI-" + taskId, EXECUTOR_ID, "executor-1.local",
                DockerCoordinates.of("ghcr.io/example/report:1"),
                List.of(new CPUAllocation(Map.of(0, Set.of(4))), new MemoryAllocation(Map.of(0, 128L))), null,
                null, Map.of("REPORT", "daily"), state, Map.of("owner", "ops"),
                state == TaskState.STOPPED ? new TaskResult(TaskResult.Status.SUCCESSFUL, 0) : null, "",
                new Date(3_000), new Date(4_000));
    }

    /** Local service {@code name-1}, ACTIVE, two instances per host. */
    static LocalServiceInfo localService(String name) {
        var spec = new LocalServiceSpec(name, "1", DockerCoordinates.of("ghcr.io/example/" + name + ":1"),
                List.of(new PortSpec("main", 9000, PortType.HTTP)), null, null, JobType.LOCAL_SERVICE, null,
                ResourceRequirement.of(1, 64), new LocalPlacement(false), check(new CmdCheckModeSpec("true", false)),
                check(new CmdCheckModeSpec("true", false)), null, null, null, null, null, null);
        return new LocalServiceInfo(name + "-1", spec, 2, ActivationState.ACTIVE, new Date(5_000), new Date(6_000));
    }

    /** Instance {@code instanceId} of local service {@code serviceId} in {@code state}. */
    static LocalServiceInstanceInfo serviceInstance(String serviceId, String instanceId,
                                                    LocalServiceInstanceState state, long created, long updated) {
        return new LocalServiceInstanceInfo(serviceId, serviceId.substring(0, serviceId.lastIndexOf('-')),
                instanceId, EXECUTOR_ID, new LocalInstanceInfo("executor-1.local", Map.of()),
                List.of(new CPUAllocation(Map.of(1, Set.of(7)))), state, Map.of(), "", new Date(created),
                new Date(updated));
    }

    private static CheckSpec check(dev.drove.models.application.checks.CheckModeSpec mode) {
        return new CheckSpec(mode, Duration.seconds(1), Duration.seconds(5), 3, null);
    }
}
