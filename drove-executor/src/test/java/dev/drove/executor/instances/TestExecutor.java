package dev.drove.executor.instances;

import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Provides;
import dev.drove.executor.checks.ChecksModule;
import dev.drove.executor.engine.ContainerEngine;
import dev.drove.executor.engine.ContainerEvents;
import dev.drove.executor.engine.DockerClients;
import dev.drove.executor.engine.EngineModule;
import dev.drove.executor.engine.ExecutorOptions;
import dev.drove.executor.topology.ResourceBook;
import dev.drove.executor.topology.ResourceConfig;
import dev.drove.executor.topology.TopologyModule;
import jakarta.inject.Singleton;

/**
 * An executor's instance runtime built the way the executor builds it: the engine, checks, topology (this machine's
 * real CPUs and memory) and instances modules in one injector, with the container events subscription started.
 * Close it to stop watching (containers keep running, as at an executor shutdown; the Docker extension removes them).
 */
final class TestExecutor implements AutoCloseable {
    static final String HOSTNAME = "executor-under-test";
    static final ExecutorIdentity IDENTITY = new ExecutorIdentity("test-executor-id", HOSTNAME);
    /** This sandbox's engine allows at most 20000 open files, below the production default of 470000. */
    static final ExecutorOptions OPTIONS = new ExecutorOptions(null, true, null, null, 4096L, null, null, null);

    private final Injector injector;
    private boolean closed;

    TestExecutor() {
        injector = Guice.createInjector(new EngineModule(OPTIONS), new ChecksModule(),
                new TopologyModule(ResourceConfig.DEFAULTS, HOSTNAME), new InstancesModule(IDENTITY),
                new AbstractModule() {
                    @Provides
                    @Singleton
                    ResourceBook resourceBook(dev.drove.executor.topology.ExecutorResources offer) {
                        return new ResourceBook(IDENTITY.executorId(), offer);
                    }
                });
        try {
            injector.getInstance(ContainerEvents.class).start();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    Instances instances() {
        return injector.getInstance(Instances.class);
    }

    ResourceBook resources() {
        return injector.getInstance(ResourceBook.class);
    }

    ContainerEngine engine() {
        return injector.getInstance(ContainerEngine.class);
    }

    <T> T get(Class<T> type) {
        return injector.getInstance(type);
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        instances().detach();
        injector.getInstance(ContainerEvents.class).stop();
        injector.getInstance(DockerClients.class).close();
    }
}
