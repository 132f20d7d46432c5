package dev.drove.models.application;

import dev.drove.models.application.checks.CheckSpec;
import dev.drove.models.application.checks.CmdCheckModeSpec;
import dev.drove.models.application.checks.HTTPCheckModeSpec;
import dev.drove.models.application.executable.DockerCoordinates;
import dev.drove.models.application.exposure.ExposureMode;
import dev.drove.models.application.exposure.ExposureSpec;
import dev.drove.models.application.placement.LocalPlacement;
import dev.drove.models.application.requirements.ResourceRequirement;
import dev.drove.models.localservice.LocalServiceSpec;
import dev.drove.models.task.TaskSpec;
import io.dropwizard.util.Duration;

import java.util.List;

/** Small valid specs for tests, built in code; every optional part is left to its default. */
public final class TestSpecs {
    private TestSpecs() {
    }

    /** billing-1: one HTTP port "main", HTTP health check, command readiness check, exposed as billing.local. */
    public static ApplicationSpec application() {
        return new ApplicationSpec("billing", "1", DockerCoordinates.of("ghcr.io/example/billing:1"),
                List.of(new PortSpec("main", 8000, PortType.HTTP)), null, null, JobType.SERVICE, null,
                ResourceRequirement.of(1, 128), null,
                check(HTTPCheckModeSpec.get("main", "/health")), check(new CmdCheckModeSpec("true", false)),
                null, null, null, null, new ExposureSpec("billing.local", "main", ExposureMode.ALL), null, null);
    }

    /** agent-2: a local service with placement LOCAL. */
    public static LocalServiceSpec localService() {
        return new LocalServiceSpec("agent", "2", DockerCoordinates.of("ghcr.io/example/agent:2"),
                List.of(new PortSpec("main", 9000, PortType.HTTP)), null, null, JobType.LOCAL_SERVICE, null,
                ResourceRequirement.of(1, 64), new LocalPlacement(false),
                check(new CmdCheckModeSpec("true", false)), check(new CmdCheckModeSpec("true", false)),
                null, null, null, null, null, null);
    }

    /** billing / T0012. */
    public static TaskSpec task() {
        return new TaskSpec("billing", "T0012", DockerCoordinates.of("ghcr.io/example/report:1"), null, null, null,
                ResourceRequirement.of(1, 128), null, null, null, null, null, null);
    }

    private static CheckSpec check(dev.drove.models.application.checks.CheckModeSpec mode) {
        return new CheckSpec(mode, Duration.seconds(1), Duration.seconds(5), 3, null);
    }
}
