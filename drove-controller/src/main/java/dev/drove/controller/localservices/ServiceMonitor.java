package dev.drove.controller.localservices;

import dev.drove.models.localservice.ActivationState;
import dev.drove.models.localservice.LocalServiceInfo;
import dev.drove.models.operation.LocalServiceAdjustInstancesOperation;
import dev.drove.models.operation.LocalServiceDeactivateOperation;
import dev.drove.models.operation.LocalServiceOperation;

import java.util.List;
import java.util.Optional;

/**
 * What the local service monitor does, every {@code appMonitorInterval}, for a service that runs no operation: an
 * ACTIVE one whose eligible executors do not each run {@code instancesPerHost} live instances (an executor joined,
 * instances were lost or stopped, some are extra or UNHEALTHY) gets ADJUST_INSTANCES; a CONFIG_TESTING one without
 * exactly one live instance too; an INACTIVE one that still runs instances (a deactivation cut short by a leader
 * change) gets DEACTIVATE.
 */
final class ServiceMonitor {
    private ServiceMonitor() {
    }

    static Optional<LocalServiceOperation> repair(LocalServiceInfo service, ServiceInstances instances,
                                                  List<String> eligible) {
        var serviceId = service.serviceId();
        var unhealthy = !instances.unhealthy().isEmpty();
        if (service.activationState() == ActivationState.INACTIVE) {
            return unhealthy || !instances.live().isEmpty()
                    ? Optional.of(new LocalServiceDeactivateOperation(serviceId)) : Optional.empty();
        }
        var off = service.activationState() == ActivationState.CONFIG_TESTING
                ? instances.live().size() != 1
                : eligible.stream().anyMatch(id -> instances.liveOn(id).size() != service.instancesPerHost());
        return unhealthy || off
                ? Optional.of(new LocalServiceAdjustInstancesOperation(serviceId, null)) : Optional.empty();
    }
}
