package dev.drove.controller;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.drove.controller.auth.InstanceAuthConfig;
import dev.drove.controller.auth.UserAuthConfig;
import dev.drove.common.config.NodeConfiguration;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

/**
 * Root of the controller's config file. Keys are exactly those of the docs (cluster/setup/controller.md):
 * {@code zookeeper}, {@code clusterAuth}, {@code userAuth}, {@code instanceAuth}, {@code options}, plus Dropwizard's
 * {@code server} and {@code logging}. {@code ${VAR}} references are replaced by environment variables.
 */
public class ControllerConfiguration extends NodeConfiguration {
    @Valid
    @NotNull
    private UserAuthConfig userAuth = UserAuthConfig.DISABLED;

    @Valid
    @NotNull
    private InstanceAuthConfig instanceAuth = InstanceAuthConfig.DEFAULTS;

    @Valid
    @NotNull
    private ControllerOptions options = ControllerOptions.DEFAULTS;

    @JsonProperty
    public UserAuthConfig getUserAuth() {
        return userAuth;
    }

    @JsonProperty
    public void setUserAuth(UserAuthConfig userAuth) {
        this.userAuth = userAuth == null ? UserAuthConfig.DISABLED : userAuth;
    }

    @JsonProperty
    public InstanceAuthConfig getInstanceAuth() {
        return instanceAuth;
    }

    @JsonProperty
    public void setInstanceAuth(InstanceAuthConfig instanceAuth) {
        this.instanceAuth = instanceAuth == null ? InstanceAuthConfig.DEFAULTS : instanceAuth;
    }

    @JsonProperty
    public ControllerOptions getOptions() {
        return options;
    }

    @JsonProperty
    public void setOptions(ControllerOptions options) {
        this.options = options == null ? ControllerOptions.DEFAULTS : options;
    }
}
