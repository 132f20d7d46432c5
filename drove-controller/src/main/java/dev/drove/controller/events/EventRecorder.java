package dev.drove.controller.events;

import dev.drove.controller.leadership.LeadershipListener;
import dev.drove.controller.operations.AppStateListener;
import dev.drove.models.application.ApplicationInfo;
import dev.drove.models.application.ApplicationState;
import dev.drove.models.events.DroveEventType;
import dev.drove.models.info.nodedata.ExecutorNodeData;
import dev.drove.models.instance.InstanceInfo;
import dev.drove.models.instance.LocalServiceInstanceInfo;
import dev.drove.models.localservice.LocalServiceInfo;
import dev.drove.models.localservice.LocalServiceState;
import dev.drove.models.taskinstance.TaskInfo;

/**
 * Listens to the parts of the controller where state changes and publishes one event per change on the
 * {@link EventBus}; {@link EventsModule} registers it with each of them. Every method returns at once: the sources
 * call it on their own threads, some under a lock, so that one item's events are published in the order its changes
 * were stored.
 */
public final class EventRecorder implements LeadershipListener, AppStateListener {
    private final EventBus events;
    private final String hostname;

    /** @param hostname this controller's host, named by its cluster events */
    public EventRecorder(EventBus events, String hostname) {
        this.events = events;
        this.hostname = hostname;
    }

    @Override
    public void leadershipAcquired() {
        events.publish(EventFactory.clusterEvent(DroveEventType.LEADERSHIP_ACQUIRED, hostname));
    }

    @Override
    public void leadershipLost() {
        events.publish(EventFactory.clusterEvent(DroveEventType.LEADERSHIP_LOST, hostname));
    }

    @Override
    public void stateChanged(ApplicationInfo application, ApplicationState previous, ApplicationState current) {
        events.publish(EventFactory.appStateChanged(application, current));
    }

    /** An application instance was stored in a state other than its previous one. */
    public void instanceChanged(InstanceInfo instance) {
        events.publish(EventFactory.instanceStateChanged(instance));
    }

    /** A task run was stored in a state other than its previous one. */
    public void taskChanged(TaskInfo task) {
        events.publish(EventFactory.taskStateChanged(task));
    }

    /** A local service moved to {@code state}. */
    public void serviceChanged(LocalServiceInfo service, LocalServiceState state) {
        events.publish(EventFactory.serviceStateChanged(service, state));
    }

    /** A local service instance was stored in a state other than its previous one. */
    public void serviceInstanceChanged(LocalServiceInstanceInfo instance) {
        events.publish(EventFactory.serviceInstanceStateChanged(instance));
    }

    /** An executor is in the cluster: first seen in this leadership term. */
    public void executorAdded(ExecutorNodeData executor) {
        events.publish(EventFactory.executorEvent(DroveEventType.EXECUTOR_ADDED, executor));
    }

    /** An executor was given up after its grace period; {@code lastSeen} is null when this term never saw it. */
    public void executorRemoved(String executorId, ExecutorNodeData lastSeen) {
        events.publish(lastSeen == null
                ? EventFactory.executorEvent(DroveEventType.EXECUTOR_REMOVED, executorId, null, 0, false)
                : EventFactory.executorEvent(DroveEventType.EXECUTOR_REMOVED, lastSeen));
    }
}
