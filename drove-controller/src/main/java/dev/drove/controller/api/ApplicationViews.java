package dev.drove.controller.api;

import dev.drove.common.errors.ApiException;
import dev.drove.controller.statestore.AppRuntimeInfo;
import dev.drove.controller.statestore.ApplicationStore;
import dev.drove.controller.statestore.InstanceStore;
import dev.drove.models.api.AppSummary;
import dev.drove.models.application.ApplicationInfo;
import dev.drove.models.application.ApplicationSpec;
import dev.drove.models.application.ApplicationState;
import dev.drove.models.application.requirements.ResourceRequirement;
import dev.drove.models.config.ConfigSpec;
import dev.drove.models.config.InlineConfigSpec;
import dev.drove.models.instance.InstanceState;
import jakarta.inject.Inject;

import java.util.Optional;
import java.util.Set;

/** How applications are shown by the read endpoints: summaries, states and specs without config data. */
final class ApplicationViews {
    private static final Set<InstanceState> HEALTHY = Set.of(InstanceState.HEALTHY);

    private final ApplicationStore applications;
    private final InstanceStore instances;
    private final ApplicationOperations operations;

    @Inject
    ApplicationViews(ApplicationStore applications, InstanceStore instances, ApplicationOperations operations) {
        this.applications = applications;
        this.instances = instances;
        this.operations = operations;
    }

    /** The stored application; a 404 naming it when there is none. */
    ApplicationInfo application(String appId) {
        return applications.find(appId).orElseThrow(() -> ApiException.notFound("App %s not found", appId));
    }

    /** The engine's state of the application, else the stored one; empty when neither knows it. */
    Optional<ApplicationState> state(String appId) {
        return operations.state(appId).or(() -> applications.findRuntime(appId).map(AppRuntimeInfo::state));
    }

    /**
     * The application as {@code GET /apis/v1/applications} lists it (docs: apis/application.md).
     * {@code requiredInstances} is the count it should run and {@code healthyInstances} those HEALTHY now;
     * {@code totalCPUs} and {@code totalMemory} are what the required instances reserve: cores (MB) per instance
     * times {@code requiredInstances}, so the docs' sample (1 instance of 1 core and 128 MB) shows 1 and 128.
     */
    AppSummary summary(ApplicationInfo app) {
        var spec = app.spec();
        var required = app.instances();
        var healthy = instances.instances(app.appId(), HEALTHY).size();
        return new AppSummary(app.appId(), spec.name(), required, healthy,
                ResourceRequirement.cpus(spec.resources()) * required,
                ResourceRequirement.memoryInMB(spec.resources()) * required,
                spec.tags(), state(app.appId()).orElse(null), app.created(), app.updated());
    }

    /** The spec with the content of every inline config emptied: "configs section data will not be returned". */
    static ApplicationSpec withoutConfigData(ApplicationSpec spec) {
        var configs = spec.configs().stream().map(ApplicationViews::withoutData).toList();
        return new ApplicationSpec(spec.name(), spec.version(), spec.executable(), spec.exposedPorts(),
                spec.volumes(), configs, spec.type(), spec.logging(), spec.resources(), spec.placementPolicy(),
                spec.healthcheck(), spec.readiness(), spec.tags(), spec.env(), spec.args(), spec.devices(),
                spec.exposureSpec(), spec.preShutdown(), spec.userSpec());
    }

    private static ConfigSpec withoutData(ConfigSpec config) {
        return config instanceof InlineConfigSpec inline ? inline.withoutData() : config;
    }
}
