package dev.drove.controller.operations;

import dev.drove.common.messages.ApplicationInstanceSpec;
import dev.drove.controller.auth.InstanceTokens;
import dev.drove.controller.cluster.ExecutorMessenger;
import dev.drove.controller.cluster.InstanceStates;
import dev.drove.controller.scheduler.PlacementRequest;
import dev.drove.controller.scheduler.Scheduler;
import dev.drove.controller.statestore.InstanceStore;
import dev.drove.models.application.ApplicationSpec;
import dev.drove.models.config.ConfigSpec;
import dev.drove.models.instance.InstanceInfo;
import dev.drove.models.instance.InstanceState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;

/**
 * Starting and stopping application instances, one at a time or in batches of the op spec's {@code parallelism}.
 *
 * <p>Starting one: the scheduler places it in a placement session (nothing fits: the step fails with the scheduler's
 * summary), CONTROLLER_HTTP_FETCH configs are fetched and inlined, the instance is stored PENDING with a new
 * {@code AI-} id, START_INSTANCE goes to the executor, then the executor's reports are awaited: HEALTHY commits the
 * session; a failure state or the op spec's timeout fails the step, stops the instance if it runs and frees its
 * placement. Stopping one: STOP_INSTANCE, then wait for a terminal state; an executor that says it does not run the
 * instance has stopped it.
 */
final class InstanceActions {
    private static final Logger log = LoggerFactory.getLogger(InstanceActions.class);

    /** What became of one start or stop. */
    record Outcome(String instanceId, String failure) {
        boolean isSuccess() {
            return failure == null;
        }
    }

    private final Scheduler scheduler;
    private final InstanceStates states;
    private final InstanceStore instances;
    private final ExecutorMessenger messenger;
    private final ConfigInliner configs;
    private final InstanceTokens tokens;

    /** @param tokens signs the token each started instance gets as DROVE_APP_INSTANCE_AUTH_TOKEN */
    InstanceActions(Scheduler scheduler, InstanceStates states, InstanceStore instances, ExecutorMessenger messenger,
                    ConfigInliner configs, InstanceTokens tokens) {
        this.scheduler = scheduler;
        this.states = states;
        this.instances = instances;
        this.messenger = messenger;
        this.configs = configs;
        this.tokens = tokens;
    }

    AppInstances of(String appId) {
        return new AppInstances(instances.all(appId));
    }

    /**
     * Starts {@code count} instances, {@code parallelism} at a time, each waited for until HEALTHY. Stops before the
     * next batch when cancelled.
     *
     * @throws OperationFailedException when an instance of a batch did not start (failure strategy STOP)
     */
    void startMany(RunningOperation run, ApplicationSpec spec, int count) throws InterruptedException {
        int left = count;
        while (left > 0 && !run.isCancelled()) {
            int batch = Math.min(left, run.parallelism());
            var steps = new ArrayList<Callable<Outcome>>();
            for (int i = 0; i < batch; i++) {
                steps.add(() -> startOne(run, spec));
            }
            failOnAny(run, "start", inParallel(run, steps));
            left -= batch;
        }
    }

    /**
     * Stops {@code targets}, {@code parallelism} at a time, each waited for until terminal. Stops before the next
     * batch when cancelled.
     *
     * @throws OperationFailedException when an instance of a batch did not stop
     */
    void stopMany(RunningOperation run, List<InstanceInfo> targets) throws InterruptedException {
        for (int from = 0; from < targets.size() && !run.isCancelled(); from += run.parallelism()) {
            var steps = new ArrayList<Callable<Outcome>>();
            for (var target : targets.subList(from, Math.min(targets.size(), from + run.parallelism()))) {
                steps.add(() -> stopOne(run, target));
            }
            failOnAny(run, "stop", inParallel(run, steps));
        }
    }

    /**
     * Waits, within one op spec timeout in all, for instances already starting (adopted from an earlier term) to
     * become HEALTHY or fail. One still PENDING then was stored but perhaps never sent: if its executor does not know
     * it, it is STOPPED, so the monitor replaces it.
     */
    void awaitStarting(RunningOperation run, List<InstanceInfo> starting) throws InterruptedException {
        long deadline = System.nanoTime() + run.timeout().toNanos();
        for (var instance : starting) {
            var left = Duration.ofNanos(Math.max(0, deadline - System.nanoTime()));
            var reached = states.await(instance.appId(), instance.instanceId(), i -> i.state() == InstanceState.HEALTHY
                    || AppInstances.NOT_STARTING.contains(i.state()), left, run::isAbandoned);
            run.requireLeadership();
            var last = states.find(instance.appId(), instance.instanceId()).orElse(instance);
            if (reached.isEmpty() && last.state() == InstanceState.PENDING
                    && messenger.stopInstance(last.executorId(), last.instanceId()).isRejected()) {
                run.requireLeadership();
                states.record(ended(last, InstanceState.STOPPED, "Executor " + last.executorId()
                        + " never received the start of this instance"));
            }
        }
    }

    Outcome startOne(RunningOperation run, ApplicationSpec spec) throws InterruptedException {
        var appId = spec.appId();
        try (var session = scheduler.session()) {
            run.requireLeadership();
            var placed = scheduler.place(PlacementRequest.of(appId, spec.resources(), spec.placementPolicy()),
                    session);
            if (!placed.isPlaced()) {
                return new Outcome(null, placed.failure());
            }
            var placement = placed.placement();
            List<ConfigSpec> files;
            try {
                files = configs.inline(spec.configs());
            } catch (ConfigInliner.ConfigFetchException e) {
                return new Outcome(null, "Cannot start an instance of " + appId + ": " + e.getMessage());
            }
            var instanceId = "AI-" + UUID.randomUUID();
            var now = new Date();
            var pending = new InstanceInfo(appId, spec.name(), instanceId, placement.executorId(), null,
                    placement.allocations(), InstanceState.PENDING, Map.of(), "", now, now);
            run.requireLeadership();
            states.record(pending);
            log.info("Starting instance {} of {} on executor {} ({})", instanceId, appId, placement.executorId(),
                    placement.hostname());
            var delivery = messenger.startInstance(placement.executorId(),
                    ApplicationInstanceSpec.from(spec, instanceId, placement.allocations(), files,
                            tokens.forApplication(appId, spec.name(), instanceId, placement.executorId())));
            if (!delivery.isAccepted() && !hasProgressed(appId, instanceId)) {
                run.requireLeadership();
                states.record(ended(pending, delivery.isRejected() ? InstanceState.STOPPED : InstanceState.LOST,
                        "START_INSTANCE was not taken: " + delivery.reason()));
                return new Outcome(instanceId, "Executor " + placement.executorId() + " did not take instance "
                        + instanceId + ": " + delivery.reason());
            }
            var reached = states.await(appId, instanceId, i -> i.state() == InstanceState.HEALTHY
                    || AppInstances.NOT_STARTING.contains(i.state()), run.timeout(), run::isAbandoned);
            run.requireLeadership();
            if (reached.isPresent() && reached.get().state() == InstanceState.HEALTHY) {
                session.commit();
                log.info("Instance {} of {} is HEALTHY on executor {}", instanceId, appId, placement.executorId());
                return new Outcome(instanceId, null);
            }
            var last = states.find(appId, instanceId).orElse(pending);
            var why = reached.isPresent()
                    ? "Instance " + instanceId + " of " + appId + " ended its start in " + last.state()
                    + (last.errorMessage() == null || last.errorMessage().isBlank() ? "" : ": " + last.errorMessage())
                    : "Instance " + instanceId + " of " + appId + " did not become HEALTHY within "
                    + run.timeout().toSeconds() + " s (last state " + last.state() + ")";
            log.warn(why);
            if (AppInstances.LIVE.contains(last.state()) || last.state() == InstanceState.UNHEALTHY) {
                messenger.stopInstance(last.executorId(), instanceId);
            }
            return new Outcome(instanceId, why);
        }
    }

    Outcome stopOne(RunningOperation run, InstanceInfo target) throws InterruptedException {
        var appId = target.appId();
        var instanceId = target.instanceId();
        var current = states.find(appId, instanceId).orElse(target);
        if (current.state().isTerminal()) {
            return new Outcome(instanceId, null);
        }
        run.requireLeadership();
        log.info("Stopping instance {} of {} on executor {} (it is {})", instanceId, appId, current.executorId(),
                current.state());
        var delivery = messenger.stopInstance(current.executorId(), instanceId);
        if (delivery.isRejected()) {
            var latest = states.find(appId, instanceId).orElse(current);
            if (!latest.state().isTerminal()) {
                run.requireLeadership();
                states.record(ended(latest, InstanceState.STOPPED, "Executor " + current.executorId()
                        + " does not run it: " + delivery.reason()));
            }
            return new Outcome(instanceId, null);
        }
        if (!delivery.isAccepted()) {
            return new Outcome(instanceId, delivery.reason());
        }
        var stopped = states.await(appId, instanceId, i -> i.state().isTerminal(), run.timeout(), run::isAbandoned);
        run.requireLeadership();
        if (stopped.isPresent()) {
            log.info("Instance {} of {} is {}", instanceId, appId, stopped.get().state());
            return new Outcome(instanceId, null);
        }
        var last = states.find(appId, instanceId).orElse(current);
        return new Outcome(instanceId, "Instance " + instanceId + " of " + appId + " did not stop within "
                + run.timeout().toSeconds() + " s (last state " + last.state() + ")");
    }

    private boolean hasProgressed(String appId, String instanceId) {
        return states.find(appId, instanceId).map(i -> i.state() != InstanceState.PENDING).orElse(false);
    }

    private static InstanceInfo ended(InstanceInfo instance, InstanceState state, String error) {
        return new InstanceInfo(instance.appId(), instance.appName(), instance.instanceId(), instance.executorId(),
                instance.localInfo(), instance.resources(), state, instance.metadata(), error, instance.created(),
                new Date());
    }

    private static void failOnAny(RunningOperation run, String action, List<Outcome> outcomes) {
        var failures = outcomes.stream().filter(o -> !o.isSuccess()).map(Outcome::failure).toList();
        if (!failures.isEmpty()) {
            throw new OperationFailedException(failures.size() + " of " + outcomes.size() + " instances of "
                    + run.appId() + " did not " + action + ": " + String.join("; ", failures));
        }
    }

    /** Runs the steps on the term's workers and waits for all; a lost leadership ends the operation. */
    private static List<Outcome> inParallel(RunningOperation run, List<Callable<Outcome>> steps)
            throws InterruptedException {
        if (steps.size() == 1) {
            return List.of(callHere(steps.get(0)));
        }
        List<Future<Outcome>> futures;
        try {
            futures = run.workers().invokeAll(steps);
        } catch (RejectedExecutionException e) {
            throw new LeadershipLostException(run.appId());
        }
        var outcomes = new ArrayList<Outcome>();
        for (var future : futures) {
            try {
                outcomes.add(future.get());
            } catch (CancellationException e) {
                outcomes.add(new Outcome(null, "the step was cancelled"));
            } catch (ExecutionException e) {
                if (e.getCause() instanceof LeadershipLostException lost) {
                    throw lost;
                }
                outcomes.add(new Outcome(null, String.valueOf(e.getCause().getMessage())));
            }
        }
        return outcomes;
    }

    private static Outcome callHere(Callable<Outcome> step) throws InterruptedException {
        try {
            return step.call();
        } catch (InterruptedException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            return new Outcome(null, String.valueOf(e.getMessage()));
        }
    }
}
