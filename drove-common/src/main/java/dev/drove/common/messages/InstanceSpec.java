package dev.drove.common.messages;

import dev.drove.models.application.MountedVolume;
import dev.drove.models.application.devices.DeviceSpec;
import dev.drove.models.application.executable.ExecutableCoordinates;
import dev.drove.models.application.logging.LoggingSpec;
import dev.drove.models.application.nonroot.UserSpec;
import dev.drove.models.config.ConfigSpec;
import dev.drove.models.info.resources.ResourceAllocation;

import java.util.List;
import java.util.Map;

/**
 * What the controller tells an executor to run in one container: the spec's container parts plus what the controller
 * decided for this one instance (its id, the exact NUMA cores and memory, its auth token). Configs arrive with
 * {@code CONTROLLER_HTTP_FETCH} entries already fetched and inlined by the controller (contract §4).
 *
 * <p>Lets the executor treat applications, local services and tasks alike where they are alike; the members are the
 * JSON contract, this interface is not (each message names its concrete spec type).
 */
public sealed interface InstanceSpec permits ServiceInstanceSpec, TaskInstanceSpec {
    String instanceId();

    ExecutableCoordinates executable();

    List<ResourceAllocation> resources();

    List<MountedVolume> volumes();

    List<ConfigSpec> configs();

    LoggingSpec loggingSpec();

    Map<String, String> env();

    List<String> args();

    List<DeviceSpec> devices();

    UserSpec userSpec();

    /** The token the instance presents to the controller's instance APIs; a secret, never logged. */
    String instanceAuthToken();
}
