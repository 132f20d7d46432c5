package dev.drove.controller.tasks;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import dev.drove.common.http.ClusterHttpClient;
import dev.drove.common.messages.MessageSender;
import dev.drove.controller.cluster.ExecutorMessenger;
import dev.drove.controller.cluster.ExecutorTracker;
import dev.drove.controller.cluster.ReportIntake;
import dev.drove.controller.leadership.LeaderElection;
import dev.drove.controller.maintenance.MaintenanceMode;
import dev.drove.controller.scheduler.Scheduler;
import dev.drove.controller.statestore.TaskStore;
import jakarta.inject.Singleton;

import java.time.Clock;

/**
 * Tasks on the leader: one {@link TaskEngine} (takes TASK_STATE_REPORTs from the {@link ReportIntake}), the
 * {@link TaskRecovery} (told of executors lost by the {@link ExecutorTracker}) and the {@link StaleTaskCleaner} (held
 * back by the {@link MaintenanceMode}), each following the {@link LeaderElection}; and the {@link TaskResource} to
 * register with Jersey. Needs the state store, scheduler, cluster and maintenance modules and the node's
 * {@link ClusterHttpClient}.
 */
public final class TaskModule extends AbstractModule {
    private final TaskOptions options;

    public TaskModule(TaskOptions options) {
        this.options = options;
    }

    @Provides
    @Singleton
    TaskRecords taskRecords(TaskStore tasks) {
        return new TaskRecords(tasks);
    }

    /** The engine; the recovery and the cleaner are built with it, so asking for the engine starts all three. */
    @Provides
    @Singleton
    TaskEngine taskEngine(TaskRecords records, Scheduler scheduler, ClusterHttpClient client, ExecutorTracker tracker,
                          ReportIntake intake, LeaderElection election, TaskRecovery recovery,
                          StaleTaskCleaner cleaner) {
        var sender = new MessageSender(client);
        var messenger = new TaskMessenger(sender::send, tracker::address, ExecutorMessenger.DEFAULT_RETRY_INTERVAL,
                ExecutorMessenger.DEFAULT_RETRY_FOR);
        var engine = new TaskEngine(records, scheduler, messenger);
        election.addListener(engine);
        intake.handleTaskReportsWith(engine::report);
        return engine;
    }

    @Provides
    @Singleton
    TaskRecovery taskRecovery(TaskStore tasks, TaskRecords records, ExecutorTracker tracker,
                              LeaderElection election) {
        var recovery = new TaskRecovery(tasks, records, tracker, options.executorGracePeriod());
        election.addListener(recovery);
        tracker.addLostExecutorListener(recovery::executorLost);
        return recovery;
    }

    @Provides
    @Singleton
    StaleTaskCleaner staleTaskCleaner(TaskStore tasks, LeaderElection election, MaintenanceMode maintenance) {
        var cleaner = new StaleTaskCleaner(tasks, options, Clock.systemUTC());
        cleaner.pauseWhile(maintenance::isActive);
        election.addListener(cleaner);
        return cleaner;
    }
}
