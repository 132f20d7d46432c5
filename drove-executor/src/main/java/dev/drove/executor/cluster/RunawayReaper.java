package dev.drove.executor.cluster;

import dev.drove.executor.engine.ContainerEngine;
import dev.drove.executor.engine.ManagedContainer;
import dev.drove.executor.instances.ContainerLabels;
import dev.drove.executor.instances.Instances;
import io.dropwizard.lifecycle.Managed;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Removes runaway containers: Drove containers of this executor that no live instance here tracks (adoption failed,
 * the container of an instance that ended LOST, a machine lost mid-start). A container must be seen untracked in two sweeps in a row, a full sweep period apart,
 * before it is killed and removed, so a container whose start is still being registered is never touched.
 */
public final class RunawayReaper implements Managed {
    private static final Logger LOG = LoggerFactory.getLogger(RunawayReaper.class);

    private final ContainerEngine engine;
    private final Instances instances;
    private final String executorId;
    private final Duration period;
    private final Set<String> suspects = new HashSet<>();
    private ScheduledExecutorService scheduler;

    public RunawayReaper(ContainerEngine engine, Instances instances, String executorId, Duration period) {
        this.engine = engine;
        this.instances = instances;
        this.executorId = executorId;
        this.period = period;
    }

    @Override
    public void start() {
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            var thread = new Thread(r, "runaway-reaper");
            thread.setDaemon(true);
            return thread;
        });
        scheduler.scheduleWithFixedDelay(this::sweepQuietly, period.toMillis(), period.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
    }

    /** One sweep; returns the ids of the containers removed in it. */
    public synchronized Set<String> sweep() {
        var untracked = new HashSet<String>();
        for (ManagedContainer container : engine.listManaged()) {
            var owner = container.labels().get(ContainerLabels.EXECUTOR_ID);
            if (owner != null && !owner.equals(executorId)) {
                continue;
            }
            var instanceId = container.instanceId();
            if (instanceId != null && instances.isRunning(instanceId)) {
                continue;
            }
            untracked.add(container.id());
        }
        var removed = new HashSet<String>();
        for (var id : untracked) {
            if (suspects.contains(id)) {
                LOG.warn("Removing runaway container {}: no instance on this executor owns it", id);
                engine.kill(id);
                engine.remove(id);
                removed.add(id);
            }
        }
        suspects.clear();
        suspects.addAll(untracked);
        suspects.removeAll(removed);
        return removed;
    }

    private void sweepQuietly() {
        try {
            sweep();
        } catch (RuntimeException e) {
            LOG.warn("Runaway container sweep failed (will retry): {}", e.getMessage());
        }
    }
}
