package dev.drove.models.application;

import dev.drove.models.application.devices.DeviceSpec;
import dev.drove.models.application.executable.ExecutableCoordinates;
import dev.drove.models.application.logging.LoggingSpec;
import dev.drove.models.application.nonroot.UserSpec;
import dev.drove.models.application.placement.PlacementPolicy;
import dev.drove.models.application.requirements.ResourceRequirement;
import dev.drove.models.config.ConfigSpec;
import dev.drove.models.validation.Problem;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What every spec that becomes a container has: applications, local services and tasks. Lets the controller and
 * executor treat them alike where they are alike, and holds the rules they share.
 */
public interface ContainerSpec {
    /** Most command line arguments a spec may pass (contract §2.2). */
    int MAX_ARGS = 2048;

    ExecutableCoordinates executable();

    List<MountedVolume> volumes();

    List<ConfigSpec> configs();

    LoggingSpec logging();

    List<ResourceRequirement> resources();

    PlacementPolicy placementPolicy();

    Map<String, String> tags();

    Map<String, String> env();

    List<String> args();

    List<DeviceSpec> devices();

    UserSpec userSpec();

    /** The rules across fields that every container spec obeys: one CPU and one MEMORY requirement. */
    default List<Problem> containerProblems() {
        return new ArrayList<>(ResourceRequirement.exactlyOneOfEach("resources", resources()));
    }

    /** Applications and tasks choose their executors; LOCAL placement belongs to local services only. */
    static List<Problem> notLocal(PlacementPolicy placementPolicy, String what) {
        if (placementPolicy != null && placementPolicy.involvesLocal()) {
            return List.of(Problem.at("placementPolicy", "cannot be LOCAL for %s; only local services use it", what));
        }
        return List.of();
    }
}
