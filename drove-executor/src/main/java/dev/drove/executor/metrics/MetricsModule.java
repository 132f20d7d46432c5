package dev.drove.executor.metrics;

import com.codahale.metrics.MetricRegistry;
import com.google.inject.AbstractModule;

/**
 * Binds the service's one {@link MetricRegistry} (Dropwizard's {@code environment.metrics()}), so the features that
 * time their work (the container engine) record into what the admin port serves.
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
