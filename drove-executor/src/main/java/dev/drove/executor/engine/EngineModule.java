package dev.drove.executor.engine;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import jakarta.inject.Singleton;

/**
 * Binds the {@code options:} config section, the engine's {@link DockerClients}, the {@link ContainerEngine} and the
 * shared {@link ContainerEvents} subscription and {@link EngineWatch}. The application must manage
 * {@link ContainerEvents} and {@link EngineWatch} (start/stop) and close {@link DockerClients} at shutdown.
 */
public final class EngineModule extends AbstractModule {
    private final ExecutorOptions options;

    public EngineModule(ExecutorOptions options) {
        this.options = options;
    }

    @Override
    protected void configure() {
        bind(ExecutorOptions.class).toInstance(options);
        bind(ContainerEngine.class);
        bind(ContainerEvents.class);
        bind(EngineWatch.class);
    }

    @Provides
    @Singleton
    DockerClients dockerClients() {
        return DockerClients.create(options);
    }
}
