package dev.drove.common.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.drove.common.auth.ClusterAuthConfig;
import dev.drove.common.http.ClusterTlsConfig;
import dev.drove.common.zookeeper.ZkConfig;
import io.dropwizard.core.Configuration;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

/**
 * The config sections every cluster node has, with the same keys on controllers and executors (docs: "This section
 * is same across the cluster"): {@code zookeeper}, {@code clusterAuth} and ours, {@code clusterTls} (which
 * certificates a node trusts when it calls its peers over https).
 */
public abstract class NodeConfiguration extends Configuration {
    @Valid
    @NotNull
    private ZkConfig zookeeper;

    @Valid
    @NotNull
    private ClusterAuthConfig clusterAuth = ClusterAuthConfig.DEFAULTS;

    @Valid
    @NotNull
    private ClusterTlsConfig clusterTls = ClusterTlsConfig.DEFAULTS;

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
    public ClusterTlsConfig getClusterTls() {
        return clusterTls;
    }

    @JsonProperty
    public void setClusterTls(ClusterTlsConfig clusterTls) {
        this.clusterTls = clusterTls == null ? ClusterTlsConfig.DEFAULTS : clusterTls;
    }
}
