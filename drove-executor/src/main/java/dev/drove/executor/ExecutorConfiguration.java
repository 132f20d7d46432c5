package dev.drove.executor;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.drove.common.auth.ClusterAuthConfig;
import dev.drove.common.zookeeper.ZkConfig;
import dev.drove.executor.engine.ExecutorOptions;
import dev.drove.executor.topology.ResourceConfig;
import io.dropwizard.core.Configuration;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

/**
 * Root of the executor's config file. Keys are exactly those of the docs (cluster/setup/executor-setup.md):
 * {@code zookeeper}, {@code clusterAuth}, {@code resources}, {@code options}, plus Dropwizard's {@code server} and
 * {@code logging} (with the {@code drove} appender for instance logs). {@code ${VAR}} references are replaced by
 * environment variables.
 */
public class ExecutorConfiguration extends Configuration {
    @Valid
    @NotNull
    private ZkConfig zookeeper;

    @Valid
    @NotNull
    private ClusterAuthConfig clusterAuth = ClusterAuthConfig.DEFAULTS;

    @Valid
    @NotNull
    private ResourceConfig resources = ResourceConfig.DEFAULTS;

    /** Absent section: {@link ExecutorOptions#DEFAULTS} (which caches images, as the original does). */
    @Valid
    @NotNull
    private ExecutorOptions options = ExecutorOptions.DEFAULTS;

    @JsonProperty
    public ZkConfig getZookeeper() {
        return zookeeper;
    }

    @JsonProperty
    public void setZookeeper(ZkConfig zookeeper) {
        this.zookeeper = zookeeper;
    }

    @JsonProperty
    public ClusterAuthConfig getClusterAuth() {
        return clusterAuth;
    }

    @JsonProperty
    public void setClusterAuth(ClusterAuthConfig clusterAuth) {
        this.clusterAuth = clusterAuth == null ? ClusterAuthConfig.DEFAULTS : clusterAuth;
    }

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
