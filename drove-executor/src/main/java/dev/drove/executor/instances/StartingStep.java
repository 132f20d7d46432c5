package dev.drove.executor.instances;

import dev.drove.common.messages.ServiceInstanceSpec;
import dev.drove.executor.engine.HostPorts;
import dev.drove.models.application.PortSpec;
import dev.drove.models.instance.InstancePort;
import dev.drove.models.instance.InstanceState;
import jakarta.inject.Inject;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * STARTING: bind a free host port to every exposed port (a host-level local service binds the declared port
 * itself), build the container, create and start it, follow its output → UNREADY. Anything that fails, from the
 * ports to a config file to the engine refusing the container, → START_FAILED with the reason.
 */
final class StartingStep implements InstanceStep {
    private final InstanceContainers containers;
    private final ContainerRequests requests;

    @Inject
    StartingStep(InstanceContainers containers, ContainerRequests requests) {
        this.containers = containers;
        this.requests = requests;
    }

    @Override
    public Move<InstanceState> run(ServiceInstance instance) {
        try {
            instance.ports(bind(instance));
            containers.createAndStart(instance, requests.of(instance, instance.ports().values()));
            return Move.to(InstanceState.UNREADY);
        } catch (ConfigFileException | RuntimeException e) {
            return Move.failed(InstanceState.START_FAILED, e.getMessage() == null
                    ? e.getClass().getSimpleName() : e.getMessage());
        }
    }

    private static Map<String, InstancePort> bind(ServiceInstance instance) {
        ServiceInstanceSpec spec = instance.spec();
        List<PortSpec> exposed = spec.ports();
        List<Integer> hostPorts = instance.isHostLevel()
                ? exposed.stream().map(PortSpec::port).toList()
                : HostPorts.allocate(exposed.size());
        Map<String, InstancePort> ports = new LinkedHashMap<>();
        for (int i = 0; i < exposed.size(); i++) {
            PortSpec port = exposed.get(i);
            ports.put(port.name(), new InstancePort(port.port(), hostPorts.get(i), port.type()));
        }
        return ports;
    }
}
