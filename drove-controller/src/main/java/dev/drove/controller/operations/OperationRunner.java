package dev.drove.controller.operations;

import dev.drove.controller.metrics.OperationMetrics;
import dev.drove.controller.metrics.OperationOutcome;
import dev.drove.controller.statemachine.app.ApplicationStateMachine;
import dev.drove.models.application.ApplicationState;
import dev.drove.models.instance.InstanceInfo;
import dev.drove.models.operation.ApplicationCreateOperation;
import dev.drove.models.operation.ApplicationDestroyOperation;
import dev.drove.models.operation.ApplicationOperationType;
import dev.drove.models.operation.ApplicationRecoverOperation;
import dev.drove.models.operation.ApplicationReplaceInstancesOperation;
import dev.drove.models.operation.ApplicationScaleOperation;
import dev.drove.models.operation.ApplicationStartInstancesOperation;
import dev.drove.models.operation.ApplicationStopInstancesOperation;
import dev.drove.models.operation.ApplicationSuspendOperation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.EnumSet;
import java.util.List;

/**
 * Carries out one application operation, step by step, on its own thread (docs: applications/operations.md).
 *
 * <pre>
 * CREATE             INIT → MONITORING; with instances: SCALE to them
 * SCALE / SUSPEND    → SCALING_REQUESTED (expected = n) → start the missing, stop the oldest extras and UNHEALTHY ones
 * START_INSTANCES    → SCALING_REQUESTED (expected += n) → start n
 * STOP_INSTANCES     → STOP_INSTANCES_REQUESTED → replacements first (unless skipRespawn: expected -= n) → stop them
 * REPLACE_INSTANCES  → REPLACE_INSTANCES_REQUESTED → per batch of parallelism: start new, then stop old (stopFirst: reverse)
 * DESTROY            → DESTROY_REQUESTED → stop leftovers → delete everything → DESTROYED
 * RECOVER            a working state left without operation → its resting state
 * end                → RUNNING when instances are expected, else MONITORING; no operation in flight
 * </pre>
 * An operation found in flight in the store ({@link RunningOperation.Origin#RESUMED}) is picked up where it stands:
 * one that had not left its stable state yet starts over; otherwise it completes what is left (no second set of
 * replacements) and brings the instance count to the expected one. A cancelled START or SCALE keeps the instances
 * it has and expects that many.
 *
 * <p>Each operation that ends here is counted in {@link OperationMetrics} as SUCCESS, FAILED or CANCELLED; one
 * stopped by the loss of leadership is not (the next leader finishes it).
 */
final class OperationRunner {
    private static final Logger log = LoggerFactory.getLogger(OperationRunner.class);

    private final AppRecords records;
    private final InstanceActions actions;
    private final OperationMetrics metrics;

    OperationRunner(AppRecords records, InstanceActions actions, OperationMetrics metrics) {
        this.records = records;
        this.actions = actions;
        this.metrics = metrics;
    }

    void run(RunningOperation run) {
        var type = run.operation().operationType();
        log.info("Running {} of app {} ({})", type, run.appId(), run.origin());
        OperationOutcome outcome;
        try {
            if (carryOut(run)) {
                metrics.ended(type, OperationOutcome.SUCCESS);
                return; // destroyed: nothing left to finish
            }
            if (run.isCancelled()) {
                log.info("{} of app {} was cancelled after its current step", type, run.appId());
                keepWhatRunsIfScaling(run);
                outcome = OperationOutcome.CANCELLED;
            } else {
                log.info("{} of app {} is complete", type, run.appId());
                outcome = OperationOutcome.SUCCESS;
            }
        } catch (LeadershipLostException e) {
            log.info("{} of app {} stopped: {}", type, run.appId(), e.getMessage());
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            log.info("{} of app {} was interrupted; {}", type, run.appId(), run.isAbandoned()
                    ? "the next leader resumes it" : "ending it");
            if (run.isAbandoned()) {
                return;
            }
            outcome = OperationOutcome.FAILED;
        } catch (OperationFailedException e) {
            log.warn("{} of app {} failed: {}", type, run.appId(), e.getMessage());
            outcome = OperationOutcome.FAILED;
        } catch (RuntimeException e) {
            log.error("{} of app {} failed unexpectedly: {}", type, run.appId(), e.getMessage(), e);
            outcome = OperationOutcome.FAILED;
        }
        try {
            records.finish(run);
            metrics.ended(type, outcome);
        } catch (LeadershipLostException e) {
            log.info("{} of app {} not finished: {}", type, run.appId(), e.getMessage());
        }
    }

    /** Returns whether the application was destroyed. */
    private boolean carryOut(RunningOperation run) throws InterruptedException {
        var op = run.operation();
        if (op instanceof ApplicationCreateOperation create) {
            create(run, create);
        } else if (op instanceof ApplicationScaleOperation scale) {
            scale(run, scale.requiredInstances());
        } else if (op instanceof ApplicationSuspendOperation) {
            scale(run, 0);
        } else if (op instanceof ApplicationStartInstancesOperation start) {
            start(run, start.instances());
        } else if (op instanceof ApplicationStopInstancesOperation stop) {
            stop(run, stop);
        } else if (op instanceof ApplicationReplaceInstancesOperation replace) {
            replace(run, replace);
        } else if (op instanceof ApplicationDestroyOperation) {
            destroy(run);
            return true;
        } else if (op instanceof ApplicationRecoverOperation) {
            log.info("App {} was left in {} with no operation; returning it to its resting state", run.appId(),
                    state(run));
        } else {
            throw new IllegalArgumentException("No steps for application operation " + op.operationType());
        }
        return false;
    }

    private void create(RunningOperation run, ApplicationCreateOperation create) throws InterruptedException {
        if (state(run) == ApplicationState.INIT) {
            records.moveTo(run, ApplicationState.MONITORING);
        }
        if (create.instances() > 0) {
            scale(run, create.instances());
        }
    }

    private void scale(RunningOperation run, long required) throws InterruptedException {
        if (run.isOutageRepair() && state(run) == ApplicationState.RUNNING) {
            records.moveTo(run, ApplicationState.OUTAGE_DETECTED);
        }
        records.moveTo(run, ApplicationState.SCALING_REQUESTED, required);
        converge(run, required);
    }

    private void start(RunningOperation run, int count) throws InterruptedException {
        var runtime = records.runtime(records.requireApplication(run.appId()));
        if (resumesWork(run, runtime.state())) {
            log.info("Resuming START_INSTANCES of app {}: bringing it to the {} expected instances", run.appId(),
                    runtime.expectedInstances());
            converge(run, runtime.expectedInstances());
            return;
        }
        records.moveTo(run, ApplicationState.SCALING_REQUESTED, runtime.expectedInstances() + count);
        actions.startMany(run, records.requireApplication(run.appId()).spec(), count);
    }

    private void stop(RunningOperation run, ApplicationStopInstancesOperation stop) throws InterruptedException {
        var runtime = records.runtime(records.requireApplication(run.appId()));
        var targets = actions.of(run.appId()).activeAmong(stop.instanceIds());
        if (resumesWork(run, runtime.state())) {
            log.info("Resuming STOP_INSTANCES of app {}: stopping the {} named instances still active, no new "
                    + "replacements, then bringing it to {} instances", run.appId(), targets.size(),
                    runtime.expectedInstances());
            actions.stopMany(run, targets);
            converge(run, runtime.expectedInstances());
            return;
        }
        var targetIds = targets.stream().map(InstanceInfo::instanceId).toList();
        var counted = actions.of(run.appId()).live().stream().filter(i -> targetIds.contains(i.instanceId())).count();
        var expected = stop.skipRespawn() ? Math.max(0, runtime.expectedInstances() - counted)
                : runtime.expectedInstances();
        records.moveTo(run, ApplicationState.STOP_INSTANCES_REQUESTED, expected);
        if (!stop.skipRespawn()) {
            actions.startMany(run, records.requireApplication(run.appId()).spec(), targets.size());
        }
        if (!run.isCancelled()) {
            actions.stopMany(run, targets);
        }
    }

    private void replace(RunningOperation run, ApplicationReplaceInstancesOperation replace)
            throws InterruptedException {
        var runtime = records.runtime(records.requireApplication(run.appId()));
        var resumed = resumesWork(run, runtime.state());
        var current = actions.of(run.appId());
        List<InstanceInfo> targets;
        if (!replace.instanceIds().isEmpty()) {
            targets = current.activeAmong(replace.instanceIds());
        } else if (resumed) {
            log.info("Resuming REPLACE_INSTANCES of app {} after a leader change: the instances the previous leader "
                    + "had not replaced yet cannot be told apart and stay; submit REPLACE_INSTANCES again to replace "
                    + "them", run.appId());
            targets = List.of();
        } else {
            targets = current.healthy();
        }
        records.moveTo(run, ApplicationState.REPLACE_INSTANCES_REQUESTED);
        var spec = records.requireApplication(run.appId()).spec();
        for (int from = 0; from < targets.size() && !run.isCancelled(); from += run.parallelism()) {
            var batch = actions.of(run.appId()).activeAmong(targets.subList(from,
                    Math.min(targets.size(), from + run.parallelism())).stream().map(InstanceInfo::instanceId)
                    .toList());
            log.info("Replacing {} instances of app {} ({})", batch.size(), run.appId(),
                    replace.stopFirst() ? "stopping them first" : "starting their replacements first");
            if (replace.stopFirst()) {
                actions.stopMany(run, batch);
                actions.startMany(run, spec, batch.size());
            } else {
                actions.startMany(run, spec, batch.size());
                actions.stopMany(run, batch);
            }
        }
        if (resumed && !run.isCancelled()) {
            converge(run, runtime.expectedInstances());
        }
    }

    private void destroy(RunningOperation run) throws InterruptedException {
        records.moveTo(run, ApplicationState.DESTROY_REQUESTED);
        var leftovers = actions.of(run.appId()).active();
        if (!leftovers.isEmpty()) {
            log.info("Stopping {} instances of app {} before destroying it", leftovers.size(), run.appId());
            actions.stopMany(run, leftovers);
        }
        records.delete(run, records.requireApplication(run.appId()));
    }

    /**
     * Brings the application to {@code required} live instances: starts the missing ones, waits for those already
     * starting, stops the oldest extras, then stops UNHEALTHY ones (replaced by now).
     */
    private void converge(RunningOperation run, long required) throws InterruptedException {
        var before = actions.of(run.appId());
        var live = before.live().size();
        if (live < required) {
            log.info("App {} has {} of {} instances healthy or starting; starting {}", run.appId(), live, required,
                    required - live);
            actions.startMany(run, records.requireApplication(run.appId()).spec(), (int) (required - live));
        }
        if (run.isCancelled()) {
            return;
        }
        actions.awaitStarting(run, before.starting());
        var after = actions.of(run.appId()).live();
        if (after.size() > required) {
            log.info("App {} runs {} instances but expects {}; stopping the {} oldest", run.appId(), after.size(),
                    required, after.size() - required);
            actions.stopMany(run, after.subList(0, (int) (after.size() - required)));
        }
        var unhealthy = actions.of(run.appId()).unhealthy();
        if (!unhealthy.isEmpty() && !run.isCancelled()) {
            log.info("Stopping {} UNHEALTHY instances of app {}", unhealthy.size(), run.appId());
            actions.stopMany(run, unhealthy);
        }
    }

    /** After a cancelled START or SCALE: the instances it has are the ones expected. */
    private void keepWhatRunsIfScaling(RunningOperation run) {
        var type = run.operation().operationType();
        if (EnumSet.of(ApplicationOperationType.CREATE, ApplicationOperationType.SCALE_INSTANCES,
                ApplicationOperationType.START_INSTANCES, ApplicationOperationType.SUSPEND).contains(type)) {
            var live = actions.of(run.appId()).live().size();
            log.info("App {} now expects the {} instances it has", run.appId(), live);
            records.expect(run, live);
        }
    }

    /** Whether a resumed operation had already left its stable state, so its work is partly done. */
    private static boolean resumesWork(RunningOperation run, ApplicationState state) {
        return run.origin() == RunningOperation.Origin.RESUMED && !ApplicationStateMachine.isStable(state);
    }

    private ApplicationState state(RunningOperation run) {
        return records.runtime(records.requireApplication(run.appId())).state();
    }
}
