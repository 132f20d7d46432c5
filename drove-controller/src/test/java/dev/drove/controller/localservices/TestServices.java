package dev.drove.controller.localservices;

import dev.drove.models.application.JobType;
import dev.drove.models.application.PortSpec;
import dev.drove.models.application.PortType;
import dev.drove.models.application.checks.CheckSpec;
import dev.drove.models.application.checks.CmdCheckModeSpec;
import dev.drove.models.application.executable.DockerCoordinates;
import dev.drove.models.application.placement.LocalPlacement;
import dev.drove.models.application.requirements.ResourceRequirement;
import dev.drove.models.localservice.ActivationState;
import dev.drove.models.localservice.LocalServiceInfo;
import dev.drove.models.localservice.LocalServiceSpec;
import dev.drove.models.operation.ClusterOpSpec;
import dev.drove.models.operation.FailureStrategy;
import dev.drove.models.operation.LocalServiceCreateOperation;
import io.dropwizard.util.Duration;

import java.util.Date;
import java.util.List;
import java.util.Map;

/** Local service specs for tests: one core and 128 MB per instance, version 1, LOCAL placement. */
final class TestServices {
    static final String NAME = "LOG_SHIPPER";
    static final String SERVICE_ID = "LOG_SHIPPER-1";
    static final ClusterOpSpec OP_SPEC = new ClusterOpSpec(Duration.seconds(10), 2, FailureStrategy.STOP);

    private TestServices() {
    }

    static LocalServiceSpec spec() {
        var check = new CheckSpec(new CmdCheckModeSpec("true", false), Duration.seconds(1), Duration.seconds(5), 3,
                null);
        return new LocalServiceSpec(NAME, "1", DockerCoordinates.of("ghcr.io/example/log-shipper:1"),
                List.of(new PortSpec("main", 8000, PortType.HTTP)), null, null, JobType.LOCAL_SERVICE, null,
                ResourceRequirement.of(1, 128), new LocalPlacement(false), check, check, Map.of("team", "infra"),
                null, null, null, null, null);
    }

    static LocalServiceCreateOperation create(int instancesPerHost) {
        return new LocalServiceCreateOperation(spec(), instancesPerHost);
    }

    static LocalServiceInfo info(ActivationState activation, int instancesPerHost) {
        return new LocalServiceInfo(SERVICE_ID, spec(), instancesPerHost, activation, new Date(1_000),
                new Date(1_000));
    }
}
