package dev.drove.controller.cluster;

import dev.drove.common.discovery.ExecutorId;
import dev.drove.models.application.ApplicationInfo;
import dev.drove.models.application.ApplicationSpec;
import dev.drove.models.application.JobType;
import dev.drove.models.application.PortSpec;
import dev.drove.models.application.PortType;
import dev.drove.models.application.checks.CheckSpec;
import dev.drove.models.application.checks.CmdCheckModeSpec;
import dev.drove.models.application.executable.DockerCoordinates;
import dev.drove.models.application.requirements.ResourceRequirement;
import dev.drove.models.info.nodedata.ExecutorNodeData;
import dev.drove.models.info.nodedata.ExecutorState;
import dev.drove.models.info.nodedata.NodeTransportType;
import dev.drove.models.info.resources.AvailableCPU;
import dev.drove.models.info.resources.AvailableMemory;
import dev.drove.models.info.resources.CPUAllocation;
import dev.drove.models.info.resources.ExecutorResourceSnapshot;
import dev.drove.models.info.resources.MemoryAllocation;
import dev.drove.models.info.resources.PhysicalLayout;
import dev.drove.models.instance.InstanceInfo;
import dev.drove.models.instance.InstanceState;
import io.dropwizard.util.Duration;

import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Applications, instances and executor entries for cluster tests. Executors have one NUMA node of 4 cores. */
final class ClusterTestData {
    static final String HOST = "executor-1.local";
    static final int PORT = 3000;
    static final String EXECUTOR_ID = ExecutorId.of(HOST, PORT);
    static final String APP_ID = "billing-1";

    private ClusterTestData() {
    }

    static ApplicationInfo application() {
        var check = new CheckSpec(new CmdCheckModeSpec("true", false), Duration.seconds(1), Duration.seconds(5), 3,
                null);
        var spec = new ApplicationSpec("billing", "1", DockerCoordinates.of("ghcr.io/example/billing:1"),
                List.of(new PortSpec("main", 8000, PortType.HTTP)), null, null, JobType.SERVICE, null,
                ResourceRequirement.of(1, 128), null, check, check, null, null, null, null, null, null, null);
        return new ApplicationInfo(APP_ID, spec, 1, new Date(1_000), new Date(1_000));
    }

    /** Instance {@code instanceId} of billing-1 on {@code executorId}, holding core {@code core}. */
    static InstanceInfo instance(String instanceId, String executorId, int core, InstanceState state, long updated) {
        return new InstanceInfo(APP_ID, "billing", instanceId, executorId, null,
                List.of(new CPUAllocation(Map.of(0, Set.of(core))), new MemoryAllocation(Map.of(0, 128L))), state,
                Map.of(), "", new Date(1_000), new Date(updated));
    }

    static InstanceInfo instance(String instanceId, InstanceState state, long updated) {
        return instance(instanceId, EXECUTOR_ID, 0, state, updated);
    }

    /** The entry of executor-1.local:3000 at {@code updated}, its cores used by the non-terminal instances. */
    static ExecutorNodeData entry(long updated, InstanceInfo... instances) {
        return entry(HOST, PORT, updated, instances);
    }

    static ExecutorNodeData entry(String host, int port, long updated, InstanceInfo... instances) {
        var list = List.of(instances);
        return new ExecutorNodeData(host, port, NodeTransportType.HTTP, new Date(updated),
                snapshot(ExecutorId.of(host, port), list), list, List.of(), List.of(), Set.of(), Map.of(),
                ExecutorState.ACTIVE);
    }

    /** The resources of an executor whose non-terminal {@code instances} hold their cores and 128 MB each. */
    static ExecutorResourceSnapshot snapshot(String executorId, List<InstanceInfo> instances) {
        var used = new TreeSet<Integer>();
        instances.stream().filter(i -> !i.state().isTerminal()).flatMap(i -> i.resources().stream())
                .filter(CPUAllocation.class::isInstance).map(CPUAllocation.class::cast)
                .forEach(cpu -> cpu.cores().values().forEach(used::addAll));
        var free = new TreeSet<>(Set.of(0, 1, 2, 3));
        free.removeAll(used);
        long usedMemory = 128L * used.size();
        return new ExecutorResourceSnapshot(executorId, new AvailableCPU(Map.of(0, free), Map.of(0, used)),
                new AvailableMemory(Map.of(0, 4096 - usedMemory), Map.of(0, usedMemory)),
                new PhysicalLayout(Map.of(0, Set.of(0, 1, 2, 3)), Map.of(0, 4096L)));
    }
}
