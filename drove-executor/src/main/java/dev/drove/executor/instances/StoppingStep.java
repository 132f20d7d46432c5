package dev.drove.executor.instances;

import dev.drove.executor.checks.PreShutdownRunner;
import dev.drove.models.instance.InstanceState;
import jakarta.inject.Inject;

/**
 * STOPPING: if the container still runs, its pre-shutdown hooks run in order and {@code waitBeforeKill} passes
 * (docs: applications/specification.md, "Configuring Pre Shutdown Behaviour"); then {@code docker stop} →
 * DEPROVISIONING. A failed hook is logged and does not hold the stop up.
 */
final class StoppingStep implements InstanceStep {
    private final InstanceContainers containers;
    private final PreShutdownRunner preShutdown;
    private final EngineCommands commands;

    @Inject
    StoppingStep(InstanceContainers containers, PreShutdownRunner preShutdown, EngineCommands commands) {
        this.containers = containers;
        this.preShutdown = preShutdown;
        this.commands = commands;
    }

    @Override
    public Move<InstanceState> run(ServiceInstance instance) {
        instance.expectExit();
        String containerId = instance.containerId();
        if (containerId != null && containers.engine().isRunning(containerId)) {
            preShutdown.run(instance.spec().preShutdown(), instance.instanceId(), instance.ports(), containerId,
                    commands);
        }
        containers.stop(instance);
        return Move.to(InstanceState.DEPROVISIONING);
    }
}
