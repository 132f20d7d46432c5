package dev.drove.controller.metrics;

import com.codahale.metrics.MetricRegistry;
import com.google.inject.AbstractModule;

/**
 * Binds the service's one {@link MetricRegistry} (Dropwizard's {@code environment.metrics()}), so the features that
 * count or time their work ({@link OperationMetrics}, the scheduler) record into what the admin port serves. Without
 * this module (in tests) Guice makes a registry of their own for them.
 */
public final class MetricsModule extends AbstractModule {
    private final MetricRegistry registry;

    public MetricsModule(MetricRegistry registry) {
        this.registry = registry;
    }

    @Override
    protected void configure() {
        bind(MetricRegistry.class).toInstance(registry);
    }
}
