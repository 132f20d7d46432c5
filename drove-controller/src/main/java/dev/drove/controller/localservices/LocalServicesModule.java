package dev.drove.controller.localservices;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import dev.drove.common.http.ClusterHttpClient;
import dev.drove.common.messages.MessageSender;
import dev.drove.controller.auth.InstanceTokens;
import dev.drove.controller.cluster.ExecutorTracker;
import dev.drove.controller.cluster.LostInstanceStopper;
import dev.drove.controller.cluster.ReportIntake;
import dev.drove.controller.leadership.LeaderElection;
import dev.drove.controller.operations.LifecycleOptions;
import dev.drove.controller.scheduler.ClusterResources;
import dev.drove.controller.scheduler.Scheduler;
import dev.drove.controller.statestore.LocalServiceInstanceStore;
import dev.drove.controller.statestore.LocalServiceStore;
import jakarta.inject.Singleton;

/**
 * One {@link LocalServiceEngine} per controller, wired into what it depends on: it follows the
 * {@link LeaderElection}, makes the {@link Scheduler} keep the services' room free, takes the local service instance
 * reports from the {@link ReportIntake}, and hears from the {@link ExecutorTracker} when an executor is given up.
 * Needs the state store, scheduler, cluster and operations modules (for {@link LifecycleOptions}), and the auth
 * module ({@link InstanceTokens}).
 */
public final class LocalServicesModule extends AbstractModule {

    @Provides
    @Singleton
    ServiceReservations serviceReservations(LocalServiceStore services, ClusterResources resources) {
        return new ServiceReservations(services, resources);
    }

    @Provides
    @Singleton
    LocalServiceEngine localServiceEngine(LocalServiceStore services, LocalServiceInstanceStore instances,
                                          ServiceReservations reservations, Scheduler scheduler,
                                          ClusterHttpClient client, ExecutorTracker tracker, ReportIntake intake,
                                          LeaderElection election, LifecycleOptions options,
                                          InstanceTokens tokens) {
        var states = new ServiceInstanceStates(instances, services);
        var messenger = new HttpServiceMessenger(new MessageSender(client), tracker::address);
        var stopper = new LostInstanceStopper("Local service instance", messenger::stop);
        states.whenLostInstanceReportedAlive(info -> stopper.reportedAlive(info.instanceId(), info.serviceId(),
                info.executorId(), info.state()));
        var engine = new LocalServiceEngine(services, states, new ServiceInstanceActions(scheduler, states,
                messenger, tokens), reservations, options);
        scheduler.reserveWith(reservations);
        intake.handleServiceInstanceReportsWith(engine::report);
        tracker.addLostExecutorListener(engine::executorLost);
        election.addListener(engine);
        return engine;
    }
}
