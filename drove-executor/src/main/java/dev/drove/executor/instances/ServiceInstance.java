package dev.drove.executor.instances;

import dev.drove.common.messages.ApplicationInstanceSpec;
import dev.drove.common.messages.LocalServiceInstanceSpec;
import dev.drove.common.messages.ServiceInstanceSpec;
import dev.drove.executor.logs.InstanceLogId;
import dev.drove.models.application.JobType;
import dev.drove.models.instance.InstanceInfo;
import dev.drove.models.instance.InstancePort;
import dev.drove.models.instance.InstanceState;
import dev.drove.models.instance.LocalInstanceInfo;
import dev.drove.models.instance.LocalServiceInstanceInfo;
import dev.drove.models.instance.LocalServiceInstanceState;

import java.util.Collections;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An application instance or a local service instance: a long-running container with ports and checks. Both run the
 * same machine ({@link Lifecycles#INSTANCE}); a local service instance reports its state as the
 * {@link LocalServiceInstanceState} of the same name.
 */
final class ServiceInstance extends TrackedInstance<InstanceState> {
    private final ServiceInstanceSpec spec;
    private volatile Map<String, InstancePort> ports;

    ServiceInstance(ServiceInstanceSpec spec, ExecutorIdentity executor, InstanceState initial, Date created,
                    boolean recovered) {
        super(spec, executor, initial, created, recovered);
        this.spec = spec;
    }

    @Override
    ServiceInstanceSpec spec() {
        return spec;
    }

    boolean isApplication() {
        return spec instanceof ApplicationInstanceSpec;
    }

    /** The application's or the local service's id. */
    String ownerId() {
        if (spec instanceof ApplicationInstanceSpec app) {
            return app.appId();
        }
        if (spec instanceof LocalServiceInstanceSpec service) {
            return service.serviceId();
        }
        throw new IllegalStateException("Unknown service instance spec " + spec);
    }

    /** Whether a local service asked for host-level instances: container ports are bound to the same host ports. */
    boolean isHostLevel() {
        return spec instanceof LocalServiceInstanceSpec service && service.hostLevelInstance();
    }

    /** Port name → container and host port; empty until the container is set up. */
    Map<String, InstancePort> ports() {
        Map<String, InstancePort> current = ports;
        return current == null ? Map.of() : current;
    }

    void ports(Map<String, InstancePort> bound) {
        ports = Collections.unmodifiableMap(new LinkedHashMap<>(bound));
    }

    /**
     * The move of a step whose waits were ended by {@link #signal()}: STOPPING, with the container's exit as the error
     * when it died by itself rather than by a stop request.
     */
    Move<InstanceState> toStopping() {
        return exitedOnItsOwn().isPresent() && !isStopRequested()
                ? Move.failed(InstanceState.STOPPING, unexpectedExitMessage())
                : Move.to(InstanceState.STOPPING);
    }

    @Override
    String describe() {
        return (isApplication() ? "Instance " : "Local service instance ") + instanceId() + " of " + ownerId();
    }

    @Override
    JobType jobType() {
        return isApplication() ? JobType.SERVICE : JobType.LOCAL_SERVICE;
    }

    @Override
    String containerName() {
        return ownerId() + "-" + instanceId();
    }

    @Override
    InstanceLogId logId() {
        return new InstanceLogId(ownerId(), instanceId());
    }

    @Override
    void report(InstanceListener listener) {
        if (isApplication()) {
            listener.instanceChanged(instanceInfo());
        } else {
            listener.serviceInstanceChanged(serviceInstanceInfo());
        }
    }

    @Override
    Object info() {
        return isApplication() ? instanceInfo() : serviceInstanceInfo();
    }

    synchronized InstanceInfo instanceInfo() {
        ApplicationInstanceSpec app = (ApplicationInstanceSpec) spec;
        return new InstanceInfo(app.appId(), app.appName(), instanceId(), executor().executorId(), localInfo(),
                spec.resources(), state(), Map.of(), errorMessage(), created(), updated());
    }

    synchronized LocalServiceInstanceInfo serviceInstanceInfo() {
        LocalServiceInstanceSpec service = (LocalServiceInstanceSpec) spec;
        return new LocalServiceInstanceInfo(service.serviceId(), service.serviceName(), instanceId(),
                executor().executorId(), localInfo(), spec.resources(),
                LocalServiceInstanceState.valueOf(state().name()), Map.of(), errorMessage(), created(), updated());
    }

    /** Null until the ports are bound, as the docs show for instances that have not started. */
    private LocalInstanceInfo localInfo() {
        Map<String, InstancePort> current = ports;
        return current == null ? null : new LocalInstanceInfo(executor().hostname(), current);
    }
}
