package dev.drove.controller.scheduler;

import com.codahale.metrics.MetricRegistry;
import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import jakarta.inject.Singleton;

import java.util.Objects;
import java.util.Random;

/** One cluster book and one scheduler per controller, placing in the order of the cluster's strategy. */
public final class SchedulerModule extends AbstractModule {
    private final PlacementStrategy strategy;

    /** @param strategy the controller option {@code placementStrategy} */
    public SchedulerModule(PlacementStrategy strategy) {
        this.strategy = Objects.requireNonNull(strategy, "strategy");
    }

    /** A RANDOM scheduler, as without the option. */
    public SchedulerModule() {
        this(PlacementStrategy.RANDOM);
    }

    @Provides
    @Singleton
    ClusterResources clusterResources() {
        return new ClusterResources();
    }

    @Provides
    @Singleton
    Scheduler scheduler(ClusterResources resources, MetricRegistry metrics) {
        return new Scheduler(resources, strategy, new Random(), metrics);
    }
}
