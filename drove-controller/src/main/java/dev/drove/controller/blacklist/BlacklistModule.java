package dev.drove.controller.blacklist;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import dev.drove.common.http.ClusterHttpClient;
import dev.drove.common.messages.MessageSender;
import dev.drove.controller.cluster.ExecutorTracker;
import dev.drove.controller.events.EventBus;
import dev.drove.controller.leadership.LeaderElection;
import dev.drove.controller.maintenance.MaintenanceMode;
import dev.drove.controller.operations.ApplicationEngine;
import dev.drove.controller.operations.LifecycleOptions;
import dev.drove.controller.scheduler.Blacklist;
import dev.drove.controller.scheduler.Scheduler;
import dev.drove.controller.statestore.ApplicationStore;
import dev.drove.controller.statestore.InstanceStore;
import jakarta.inject.Singleton;
import org.apache.curator.framework.CuratorFramework;

import java.time.Clock;
import java.time.Duration;

/**
 * The {@link BlacklistBook}, which the {@link Scheduler} consults from the start, and {@link Blacklisting}, which
 * follows the {@link LeaderElection}; {@link BlacklistResource} is built from its {@code @Inject} constructor. Needs
 * the state store, scheduler, cluster, operations, events and maintenance modules, the node's
 * {@link CuratorFramework} and its {@link ClusterHttpClient} (with the controller's cluster credentials).
 */
public final class BlacklistModule extends AbstractModule {
    /** How often a pass looks for work besides the one after each request. */
    public static final Duration PASS_INTERVAL = Duration.ofSeconds(5);
    /** How long an application whose move failed waits before it is tried again. */
    public static final Duration RETRY_DELAY = Duration.ofMinutes(1);
    private static final Duration OPERATION_POLL = Duration.ofMillis(500);

    @Provides
    @Singleton
    BlacklistBook blacklistBook(CuratorFramework curator, Scheduler scheduler) {
        var book = new BlacklistBook(curator, Clock.systemUTC());
        scheduler.blacklistWith(book);
        return book;
    }

    /** The book as the API reads it: the state it gives each executor in /cluster/executors. */
    @Provides
    Blacklist blacklist(BlacklistBook book) {
        return book;
    }

    @Provides
    @Singleton
    Blacklisting blacklisting(BlacklistBook book, ExecutorTracker tracker, ApplicationEngine engine,
                              ApplicationStore applications, InstanceStore instances, EventBus events,
                              MaintenanceMode maintenance, ClusterHttpClient client, LifecycleOptions lifecycle,
                              LeaderElection election) {
        var migration = new Migration(applications, instances, engine::submit, lifecycle.clusterOpTimeout(),
                OPERATION_POLL);
        var sync = new RotationSync(new MessageSender(client)::send);
        var pass = new BlacklistPass(book, tracker::executors, migration, sync, events, maintenance::isActive,
                RETRY_DELAY, Clock.systemUTC());
        var blacklisting = new Blacklisting(book, tracker::executors, pass, sync, events, PASS_INTERVAL);
        election.addListener(blacklisting);
        return blacklisting;
    }
}
