package dev.drove.controller.events;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import dev.drove.common.http.NodeEndpoint;
import dev.drove.controller.cluster.ExecutorTracker;
import dev.drove.controller.cluster.InstanceStates;
import dev.drove.controller.leadership.LeaderElection;
import dev.drove.controller.localservices.LocalServiceEngine;
import dev.drove.controller.operations.ApplicationEngine;
import dev.drove.controller.tasks.TaskEngine;
import jakarta.inject.Singleton;

import java.time.Duration;

/**
 * The {@link EventBus} and the {@link EventRecorder}, registered with every source of state changes: the leader
 * election, the application, task and local service engines, the instance states and the executor tracker. Asking for
 * the recorder once starts the events. {@link EventsResource} is built from its {@code @Inject} constructor. Needs
 * the leadership, cluster, operations, task and local service modules, and this controller's {@link NodeEndpoint}.
 */
public final class EventsModule extends AbstractModule {
    private final Duration retention;

    /** @param retention how long events are kept: the option {@code maxEventsStorageDuration} */
    public EventsModule(Duration retention) {
        this.retention = retention;
    }

    @Provides
    @Singleton
    EventBus eventBus() {
        return new EventBus(retention);
    }

    @Provides
    @Singleton
    EventRecorder eventRecorder(EventBus events, NodeEndpoint self, LeaderElection election,
                                ApplicationEngine applications, InstanceStates instances, ExecutorTracker executors,
                                TaskEngine tasks, LocalServiceEngine services) {
        var recorder = new EventRecorder(events, self.hostname());
        election.addListener(recorder);
        applications.addListener(recorder);
        instances.addStateChangeListener(recorder::instanceChanged);
        executors.addJoinListener(recorder::executorAdded);
        executors.addRemovalListener(recorder::executorRemoved);
        tasks.addStateChangeListener(recorder::taskChanged);
        services.addStateListener(recorder::serviceChanged);
        services.addInstanceStateChangeListener(recorder::serviceInstanceChanged);
        return recorder;
    }
}
