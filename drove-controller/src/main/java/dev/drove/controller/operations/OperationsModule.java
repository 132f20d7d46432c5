package dev.drove.controller.operations;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import dev.drove.controller.auth.InstanceTokens;
import dev.drove.controller.cluster.ExecutorMessenger;
import dev.drove.controller.cluster.ExecutorTracker;
import dev.drove.controller.cluster.InstanceStates;
import dev.drove.controller.leadership.LeaderElection;
import dev.drove.controller.metrics.OperationMetrics;
import dev.drove.controller.scheduler.Scheduler;
import dev.drove.controller.statestore.ApplicationStore;
import dev.drove.controller.statestore.InstanceStore;
import jakarta.inject.Singleton;

/**
 * One {@link ApplicationEngine} per controller, following the {@link LeaderElection}. Needs the state store,
 * scheduler, cluster and auth modules (the auth module signs instance tokens).
 */
public final class OperationsModule extends AbstractModule {
    private final LifecycleOptions options;

    public OperationsModule(LifecycleOptions options) {
        this.options = options;
    }

    @Provides
    @Singleton
    LifecycleOptions lifecycleOptions() {
        return options;
    }

    @Provides
    @Singleton
    ApplicationEngine applicationEngine(ApplicationStore applications, InstanceStore instances,
                                        InstanceStates states, Scheduler scheduler, ExecutorMessenger messenger,
                                        ExecutorTracker tracker, LeaderElection election, OperationMetrics metrics,
                                        InstanceTokens tokens) {
        var engine = new ApplicationEngine(applications, instances, states, scheduler, messenger, tracker, options,
                metrics, tokens);
        election.addListener(engine);
        return engine;
    }
}
