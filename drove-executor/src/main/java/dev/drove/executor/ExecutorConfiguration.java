package dev.drove.executor;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.drove.executor.engine.ExecutorOptions;
import dev.drove.executor.topology.ResourceConfig;
import dev.drove.common.config.NodeConfiguration;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

/**
 * Root of the executor's config file. Keys are exactly those of the docs (cluster/setup/executor-setup.md):
 * {@code zookeeper}, {@code clusterAuth}, {@code resources}, {@code options}, plus Dropwizard's {@code server} and
 * {@code logging} (with the {@code drove} appender for instance logs). {@code ${VAR}} references are replaced by
 * environment variables.
 */
public class ExecutorConfiguration extends NodeConfiguration {
    @Valid
    @NotNull
    private ResourceConfig resources = ResourceConfig.DEFAULTS;

    /** Absent section: {@link ExecutorOptions#DEFAULTS} (which caches images, as the original does). */
    @Valid
    @NotNull
    private ExecutorOptions options = ExecutorOptions.DEFAULTS;

    @JsonProperty
    public ResourceConfig getResources() {
        return resources;
    }

    @JsonProperty
    public void setResources(ResourceConfig resources) {
        this.resources = resources == null ? ResourceConfig.DEFAULTS : resources;
    }

    @JsonProperty
    public ExecutorOptions getOptions() {
        return options;
    }

    @JsonProperty
    public void setOptions(ExecutorOptions options) {
        this.options = options == null ? ExecutorOptions.DEFAULTS : options;
    }
}
