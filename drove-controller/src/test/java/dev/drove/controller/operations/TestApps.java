package dev.drove.controller.operations;

import dev.drove.models.application.ApplicationSpec;
import dev.drove.models.application.JobType;
import dev.drove.models.application.PortSpec;
import dev.drove.models.application.PortType;
import dev.drove.models.application.checks.CheckSpec;
import dev.drove.models.application.checks.CmdCheckModeSpec;
import dev.drove.models.application.checks.HTTPCheckModeSpec;
import dev.drove.models.application.executable.DockerCoordinates;
import dev.drove.models.application.placement.PlacementPolicy;
import dev.drove.models.application.requirements.ResourceRequirement;
import dev.drove.models.operation.ApplicationCreateOperation;
import dev.drove.models.operation.ApplicationDestroyOperation;
import dev.drove.models.operation.ApplicationReplaceInstancesOperation;
import dev.drove.models.operation.ApplicationScaleOperation;
import dev.drove.models.operation.ApplicationStartInstancesOperation;
import dev.drove.models.operation.ApplicationStopInstancesOperation;
import dev.drove.models.operation.ApplicationSuspendOperation;
import dev.drove.models.operation.ClusterOpSpec;
import dev.drove.models.operation.FailureStrategy;
import io.dropwizard.util.Duration;

import java.util.List;
import java.util.Map;
import java.util.Set;

/** Specs and operations for engine tests: one core and 128 MB per instance, version 1. */
final class TestApps {
    /** Generous enough for fake executors, short enough that a stuck test fails within a minute. */
    static final ClusterOpSpec OP_SPEC = new ClusterOpSpec(Duration.seconds(30), 1, FailureStrategy.STOP);

    private TestApps() {
    }

    static ApplicationSpec spec(String name) {
        return spec(name, null);
    }

    static ApplicationSpec spec(String name, PlacementPolicy placement) {
        return new ApplicationSpec(name, "1", DockerCoordinates.of("ghcr.io/example/" + name + ":1"),
                List.of(new PortSpec("main", 8000, PortType.HTTP)), null, null, JobType.SERVICE, null,
                ResourceRequirement.of(1, 128), placement, check(HTTPCheckModeSpec.get("main", "/health")),
                check(new CmdCheckModeSpec("true", false)), Map.of("team", "payments"), Map.of(), null, null, null,
                null, null);
    }

    static ApplicationCreateOperation create(String name, int instances) {
        return new ApplicationCreateOperation(spec(name), instances, OP_SPEC);
    }

    static ApplicationScaleOperation scale(String appId, int instances) {
        return new ApplicationScaleOperation(appId, instances, OP_SPEC);
    }

    static ApplicationStartInstancesOperation start(String appId, int instances) {
        return new ApplicationStartInstancesOperation(appId, instances, OP_SPEC);
    }

    static ApplicationStopInstancesOperation stop(String appId, List<String> instanceIds, boolean skipRespawn) {
        return new ApplicationStopInstancesOperation(appId, instanceIds, skipRespawn, OP_SPEC);
    }

    static ApplicationReplaceInstancesOperation replace(String appId, Set<String> instanceIds) {
        return new ApplicationReplaceInstancesOperation(appId, instanceIds, false, OP_SPEC);
    }

    static ApplicationSuspendOperation suspend(String appId) {
        return new ApplicationSuspendOperation(appId, OP_SPEC);
    }

    static ApplicationDestroyOperation destroy(String appId) {
        return new ApplicationDestroyOperation(appId, OP_SPEC);
    }

    private static CheckSpec check(dev.drove.models.application.checks.CheckModeSpec mode) {
        return new CheckSpec(mode, Duration.seconds(1), Duration.seconds(5), 3, null);
    }
}
