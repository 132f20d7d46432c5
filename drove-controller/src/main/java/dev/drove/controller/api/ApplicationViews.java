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

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * How applications are shown by the read endpoints: summaries, states and specs without config data.
 *
 * <p>The listing ({@link #summaryPage}) is kept, already written as JSON, until the application store, the instance
 * store or the engine says something it was built from changed ({@code changeStamp}/{@code stateStamp}), so
 * repeated listings between changes cost a few stamp reads; when any of them cannot tell (not leading, a test
 * double), every listing is built afresh.
 */
final class ApplicationViews {
    private static final Set<InstanceState> HEALTHY = Set.of(InstanceState.HEALTHY);
    private static final Comparator<ApplicationInfo> BY_ID = Comparator.comparing(ApplicationInfo::appId);

    private final ApplicationStore applications;
    private final InstanceStore instances;
    private final ApplicationOperations operations;
    private final AtomicReference<Page> lastPage = new AtomicReference<>();
    private final AtomicReference<ActiveCount> lastActiveCount = new AtomicReference<>();

    /** How many applications were active, and the stamps of what it was counted from. */
    private record ActiveCount(long apps, long states, int count) {
    }

    /** One listing as written, and the stamps of what it was built from. */
    private record Page(int start, int size, long apps, long instances, long states, byte[] json) {
        boolean isFor(int start, int size, long apps, long instances, long states) {
            return this.start == start && this.size == size && this.apps == apps && this.instances == instances
                    && this.states == states;
        }
    }

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
     * One page of {@code GET /apis/v1/applications} (every application by id, sorted by id) written by {@code json};
     * the same bytes as last time when nothing it shows has changed since.
     */
    byte[] summaryPage(int start, int size, Function<Map<String, AppSummary>, byte[]> json) {
        var apps = applications.changeStamp(); // stamps first: a change after them makes the page stale, not wrong
        var instanceStamp = instances.changeStamp();
        var states = operations.stateStamp();
        if (apps.isEmpty() || instanceStamp.isEmpty() || states.isEmpty()) {
            return json.apply(summaries(start, size));
        }
        var last = lastPage.get();
        if (last != null && last.isFor(start, size, apps.getAsLong(), instanceStamp.getAsLong(), states.getAsLong())) {
            return last.json();
        }
        var page = new Page(start, size, apps.getAsLong(), instanceStamp.getAsLong(), states.getAsLong(),
                json.apply(summaries(start, size)));
        lastPage.set(page);
        return page.json();
    }

    /**
     * How many applications are in an active state ({@link ApplicationState#isActive}), for the cluster summary;
     * counted again only when the application store or the engine's states changed since the last count.
     */
    int activeCount() {
        var apps = applications.changeStamp();
        var states = operations.stateStamp();
        if (apps.isEmpty() || states.isEmpty()) {
            return countActive();
        }
        var last = lastActiveCount.get();
        if (last != null && last.apps() == apps.getAsLong() && last.states() == states.getAsLong()) {
            return last.count();
        }
        var counted = new ActiveCount(apps.getAsLong(), states.getAsLong(), countActive());
        lastActiveCount.set(counted);
        return counted.count();
    }

    private int countActive() {
        return (int) applications.all().stream()
                .filter(app -> state(app.appId()).filter(ApplicationState::isActive).isPresent())
                .count();
    }

    /** One page of summaries by application id, sorted by id. */
    Map<String, AppSummary> summaries(int start, int size) {
        var summaries = new LinkedHashMap<String, AppSummary>();
        applications.all().stream()
                .sorted(BY_ID)
                .skip(start)
                .limit(size)
                .forEach(app -> summaries.put(app.appId(), summary(app)));
        return summaries;
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
        var healthy = instances.count(app.appId(), HEALTHY);
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
