package dev.drove.controller.scheduler;

import com.codahale.metrics.MetricRegistry;
import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import jakarta.inject.Singleton;

import java.util.Random;

/** One cluster book and one scheduler per controller. */
public final class SchedulerModule extends AbstractModule {

    @Provides
    @Singleton
    ClusterResources clusterResources() {
        return new ClusterResources();
    }

    @Provides
    @Singleton
    Scheduler scheduler(ClusterResources resources, MetricRegistry metrics) {
        return new Scheduler(resources, new Random(), metrics);
    }
}
