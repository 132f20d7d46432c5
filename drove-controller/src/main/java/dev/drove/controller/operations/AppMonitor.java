package dev.drove.controller.operations;

import dev.drove.controller.cluster.ExecutorTracker;
import dev.drove.controller.statestore.ApplicationStore;
import dev.drove.models.application.ApplicationInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * The app monitor (docs: applications/outage.md): once at the start of a term, after the executors have been read
 * (recovery: operations left in flight are resumed), then every {@code appMonitorInterval}, it decides a
 * {@link Repair} for every application that runs no operation and launches it, logging the decision.
 */
final class AppMonitor {
    private static final Logger log = LoggerFactory.getLogger(AppMonitor.class);
    private static final Duration FIRST_POLL_WAIT = Duration.ofSeconds(10);

    private final ApplicationStore applications;
    private final AppRecords records;
    private final InstanceActions actions;
    private final OperationSlots slots;
    private final ExecutorTracker tracker;
    private final LifecycleOptions options;
    private volatile BooleanSupplier paused = () -> false;
    private boolean wasPaused; // monitor thread only

    AppMonitor(ApplicationStore applications, AppRecords records, InstanceActions actions, OperationSlots slots,
               ExecutorTracker tracker, LifecycleOptions options) {
        this.applications = applications;
        this.records = records;
        this.actions = actions;
        this.slots = slots;
        this.tracker = tracker;
        this.options = options;
    }

    /** Skips every pass while {@code paused} says so (maintenance mode); running operations are left alone. */
    void pauseWhile(BooleanSupplier paused) {
        this.paused = paused;
    }

    /** Schedules the recovery pass and then the periodic passes on the term's monitor thread. */
    void start(LeadershipTerm term) {
        term.monitor().execute(() -> recover(term));
        var interval = options.appMonitorInterval().toMilliseconds();
        term.monitor().scheduleWithFixedDelay(() -> check(term), interval, interval, TimeUnit.MILLISECONDS);
    }

    private void recover(LeadershipTerm term) {
        try {
            if (!tracker.awaitFirstPoll(FIRST_POLL_WAIT)) {
                log.warn("Executors not read within {} s; recovering applications with what is stored",
                        FIRST_POLL_WAIT.toSeconds());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        log.info("Recovering every application after becoming leader");
        check(term);
        term.markRecovered();
    }

    /** One pass: a repair for every application that runs no operation; none while paused. */
    private void check(LeadershipTerm term) {
        if (!term.isCurrent()) {
            return;
        }
        try {
            if (isPaused()) {
                return;
            }
            for (var application : applications.all()) {
                if (!slots.isBusy(application.appId())) {
                    checkOne(term, application);
                }
            }
        } catch (RuntimeException e) {
            log.warn("The app monitor could not check the applications: {}", e.getMessage(), e);
        }
    }

    private boolean isPaused() {
        var now = paused.getAsBoolean();
        if (now != wasPaused) {
            wasPaused = now;
            if (now) {
                log.warn("The app monitor is paused for maintenance: no instance is replaced or stopped");
            } else {
                log.info("The app monitor resumes after maintenance");
            }
        }
        return now;
    }

    private void checkOne(LeadershipTerm term, ApplicationInfo application) {
        var appId = application.appId();
        var stored = records.storedRuntime(appId);
        var repair = Repair.decide(application, stored, actions.of(appId), options.internalOpSpec());
        if (repair.isEmpty()) {
            return;
        }
        var claimed = slots.claim(term, appId, repair.get().operation(), repair.get().origin(),
                repair.get().outage());
        if (claimed.isEmpty()) {
            return; // a submitted operation got there first
        }
        var run = claimed.get();
        try {
            log.info("{}", repair.get().reason());
            if (stored.map(runtime -> !runtime.hasOperation()).orElse(true)) {
                records.begin(application, run.operation());
            }
            slots.launch(term, run);
        } catch (RuntimeException e) {
            slots.release(run);
            if (!(e instanceof RejectedExecutionException)) {
                log.warn("The app monitor could not repair app {}: {}", appId, e.getMessage());
            }
        }
    }
}
