package dev.drove.executor.cluster;

import dev.drove.executor.engine.ContainerEngine;
import dev.drove.executor.engine.ManagedContainer;
import dev.drove.executor.instances.ContainerLabels;
import dev.drove.executor.instances.Instances;
import dev.drove.executor.instances.StartRefusedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * After an executor (re)start: finds the Drove containers this executor started, by their labels, and adopts them
 * into the instance runtime — never restarting or recreating them (contract §3, "Recovery after restart"). Each
 * adopted instance reports UNKNOWN and then its real state; a container that died while the executor was away ends
 * LOST. Containers of another executor id on this engine are left alone.
 */
public final class StartupRecovery {
    private static final Logger LOG = LoggerFactory.getLogger(StartupRecovery.class);

    private final ContainerEngine engine;
    private final Instances instances;
    private final String executorId;

    public StartupRecovery(ContainerEngine engine, Instances instances, String executorId) {
        this.engine = engine;
        this.instances = instances;
        this.executorId = executorId;
    }

    /** Adopts what it can; returns how many containers were adopted. Never throws for one bad container. */
    public int recover() {
        var adopted = 0;
        for (ManagedContainer container : engine.listManaged()) {
            var owner = container.labels().get(ContainerLabels.EXECUTOR_ID);
            if (owner != null && !owner.equals(executorId)) {
                continue;
            }
            try {
                var instanceId = instances.adopt(container.id(), container.labels());
                LOG.info("Adopted container {} ({}) as instance {}", container.name(), container.state(), instanceId);
                adopted++;
            } catch (StartRefusedException | IllegalArgumentException e) {
                LOG.warn("Could not adopt container {} ({}): {}", container.name(), container.id(), e.getMessage());
            }
        }
        if (adopted > 0) {
            LOG.info("Recovered {} instances that kept running while this executor was down", adopted);
        }
        return adopted;
    }
}
