package dev.drove.executor.topology;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import jakarta.inject.Singleton;

/**
 * Binds the {@code resources:} config section, this host's {@link HostTopology} and the executor's
 * {@link ExecutorResources}. The topology is read once, when first needed.
 */
public final class TopologyModule extends AbstractModule {
    private final ResourceConfig config;
    private final String hostname;
    private final SysfsTopologyReader reader;

    /** Reads this machine's sysfs. */
    public TopologyModule(ResourceConfig config, String hostname) {
        this(config, hostname, SysfsTopologyReader.ofThisHost());
    }

    /** Reads the topology through the given reader, e.g. over fixture folders. */
    public TopologyModule(ResourceConfig config, String hostname, SysfsTopologyReader reader) {
        this.config = config;
        this.hostname = hostname;
        this.reader = reader;
    }

    @Override
    protected void configure() {
        bind(ResourceConfig.class).toInstance(config);
    }

    @Provides
    @Singleton
    HostTopology hostTopology() {
        return reader.read();
    }

    @Provides
    @Singleton
    ExecutorResources executorResources(HostTopology topology) {
        return ExecutorResources.offer(topology, config, hostname);
    }
}
