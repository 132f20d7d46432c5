package dev.drove.controller.cluster;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import dev.drove.common.discovery.NodeDataStore;
import dev.drove.common.http.ClusterHttpClient;
import dev.drove.common.messages.MessageSender;
import dev.drove.controller.leadership.LeaderElection;
import dev.drove.controller.scheduler.ClusterResources;
import dev.drove.controller.statestore.ApplicationStore;
import dev.drove.controller.statestore.InstanceStore;
import dev.drove.controller.statestore.LocalServiceInstanceStore;
import dev.drove.controller.statestore.TaskStore;
import jakarta.inject.Provider;
import jakarta.inject.Singleton;
import org.apache.curator.framework.CuratorFramework;

import java.time.Duration;

/**
 * The leader's link to the executors: {@link ExecutorTracker} (follows the {@link LeaderElection}; also bound as
 * {@link AdmittedExecutors}), {@link InstanceStates}, {@link ExecutorMessenger} and the {@code /apis/v1/messages}
 * resource. Needs the node's
 * {@link CuratorFramework}, {@link ClusterHttpClient} (with the controller's cluster credentials) and
 * {@link LeaderElection}, and the state store and scheduler modules.
 */
public final class ClusterModule extends AbstractModule {
    private final Duration executorGracePeriod;
    private final Duration pollInterval;

    /** @param executorGracePeriod how long a vanished executor may stay away before its instances are LOST */
    public ClusterModule(Duration executorGracePeriod) {
        this(executorGracePeriod, ExecutorTracker.DEFAULT_POLL_INTERVAL);
    }

    public ClusterModule(Duration executorGracePeriod, Duration pollInterval) {
        this.executorGracePeriod = executorGracePeriod;
        this.pollInterval = pollInterval;
    }

    @Provides
    @Singleton
    InstanceStates instanceStates(InstanceStore instances, ApplicationStore applications,
                                  Provider<ExecutorMessenger> messenger) {
        var states = new InstanceStates(instances, applications);
        var stopper = new LostInstanceStopper("Instance",
                (executorId, instanceId) -> messenger.get().stopInstance(executorId, instanceId));
        states.whenLostInstanceReportedAlive(info -> stopper.reportedAlive(info.instanceId(), info.appId(),
                info.executorId(), info.state()));
        return states;
    }

    @Provides
    @Singleton
    ExecutorTracker executorTracker(CuratorFramework curator, ClusterResources resources, InstanceStates states,
                                    InstanceStore instances, ApplicationStore applications,
                                    LeaderElection election) {
        var tracker = new ExecutorTracker(new NodeDataStore(curator), resources, states, instances, applications,
                executorGracePeriod, pollInterval);
        election.addListener(tracker);
        return tracker;
    }

    /** The API counts only the executors the leader's tracker has admitted. */
    @Provides
    @Singleton
    AdmittedExecutors admittedExecutors(ExecutorTracker tracker) {
        return tracker;
    }

    @Provides
    @Singleton
    ExecutorMessenger executorMessenger(ClusterHttpClient client, ExecutorTracker tracker) {
        return new ExecutorMessenger(new MessageSender(client), tracker::address,
                ExecutorMessenger.DEFAULT_RETRY_INTERVAL, ExecutorMessenger.DEFAULT_RETRY_FOR);
    }

    @Provides
    @Singleton
    ReportIntake reportIntake(LeaderElection election, ExecutorTracker tracker, InstanceStates states,
                              TaskStore tasks, LocalServiceInstanceStore serviceInstances) {
        return new ReportIntake(election::isLeader, tracker, states, tasks, serviceInstances);
    }

    @Provides
    @Singleton
    ControllerMessagesResource controllerMessagesResource(ReportIntake intake) {
        return new ControllerMessagesResource(intake);
    }
}
