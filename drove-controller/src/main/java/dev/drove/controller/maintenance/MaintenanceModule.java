package dev.drove.controller.maintenance;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import dev.drove.common.http.NodeEndpoint;
import dev.drove.controller.events.EventBus;
import dev.drove.controller.leadership.LeaderElection;
import dev.drove.controller.localservices.LocalServiceEngine;
import dev.drove.controller.operations.ApplicationEngine;
import dev.drove.controller.operations.LifecycleOptions;
import dev.drove.controller.statestore.ApplicationStore;
import dev.drove.controller.statestore.ClusterStateStore;
import dev.drove.controller.statestore.InstanceStore;
import jakarta.inject.Singleton;

import java.time.Clock;

/**
 * One {@link MaintenanceMode}, which holds back the app monitor and the local service monitor while it is active,
 * and the {@link StaleDataCleaner}, which follows the {@link LeaderElection}. Needs the state store, operations, local
 * service and events modules, and this controller's {@link NodeEndpoint}.
 */
public final class MaintenanceModule extends AbstractModule {
    private final MaintenanceOptions options;

    public MaintenanceModule(MaintenanceOptions options) {
        this.options = options;
    }

    @Provides
    @Singleton
    MaintenanceOptions maintenanceOptions() {
        return options;
    }

    @Provides
    @Singleton
    MaintenanceMode maintenanceMode(ClusterStateStore store, EventBus events, NodeEndpoint self,
                                    ApplicationEngine applications, LocalServiceEngine services) {
        var mode = new MaintenanceMode(store, events, self.hostname(), options.maintenanceGracePeriod(),
                Clock.systemUTC());
        applications.pauseRepairsWhile(mode::isActive);
        services.pauseMonitorWhile(mode::isActive);
        return mode;
    }

    @Provides
    @Singleton
    StaleDataCleaner staleDataCleaner(ApplicationStore applications, InstanceStore instances,
                                      ApplicationEngine engine, EventBus events, MaintenanceMode maintenance,
                                      LifecycleOptions lifecycle, LeaderElection election) {
        var cleaner = new StaleDataCleaner(applications, instances, engine::submit, events, maintenance::isActive,
                options, lifecycle.internalOpSpec(), Clock.systemUTC());
        election.addListener(cleaner);
        return cleaner;
    }
}
