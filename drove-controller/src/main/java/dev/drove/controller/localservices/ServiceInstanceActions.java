package dev.drove.controller.localservices;

import dev.drove.common.http.HttpCallRunner;
import dev.drove.common.messages.LocalServiceInstanceSpec;
import dev.drove.controller.auth.InstanceTokens;
import dev.drove.controller.scheduler.PlacementRequest;
import dev.drove.controller.scheduler.Scheduler;
import dev.drove.models.config.ConfigSpec;
import dev.drove.models.config.ControllerHttpFetchConfigSpec;
import dev.drove.models.config.InlineConfigSpec;
import dev.drove.models.instance.LocalServiceInstanceInfo;
import dev.drove.models.instance.LocalServiceInstanceState;
import dev.drove.models.localservice.LocalServiceInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;

/**
 * Starting and stopping local service instances on named executors, in batches of the op spec's parallelism.
 *
 * <p>Starting one on executor E: the scheduler places it on E alone (LOCAL placement; nothing fits: the step fails
 * with the scheduler's summary), CONTROLLER_HTTP_FETCH configs are fetched and inlined, the instance is stored
 * PENDING with a new {@code SI-} id, START_LOCAL_SERVICE_INSTANCE goes to E, then its reports are awaited: HEALTHY
 * commits the placement; a failure state or the op spec's timeout fails the step, stops the instance if it runs and
 * frees its placement. Stopping one: STOP_LOCAL_SERVICE_INSTANCE, then wait for a terminal state; an executor that
 * says it does not run the instance has stopped it.
 */
final class ServiceInstanceActions {
    private static final Logger log = LoggerFactory.getLogger(ServiceInstanceActions.class);

    /** What became of one start or stop. */
    record Outcome(String instanceId, String failure) {
        boolean isSuccess() {
            return failure == null;
        }
    }

    private final Scheduler scheduler;
    private final ServiceInstanceStates states;
    private final ServiceMessenger messenger;
    private final InstanceTokens tokens;

    ServiceInstanceActions(Scheduler scheduler, ServiceInstanceStates states, ServiceMessenger messenger) {
        this(scheduler, states, messenger, InstanceTokens.withRandomSecret());
    }

    /** @param tokens signs the token each started instance gets as DROVE_APP_INSTANCE_AUTH_TOKEN */
    ServiceInstanceActions(Scheduler scheduler, ServiceInstanceStates states, ServiceMessenger messenger,
                           InstanceTokens tokens) {
        this.scheduler = scheduler;
        this.states = states;
        this.messenger = messenger;
        this.tokens = tokens;
    }

    ServiceInstances of(String serviceId) {
        return states.of(serviceId);
    }

    /**
     * Starts one instance on each of {@code executorIds} (an id may repeat), {@code parallelism} at a time; every
     * executor is tried even when another fails. Stops before the next batch when cancelled.
     *
     * @return the failures, one sentence each; empty when every instance became HEALTHY
     */
    List<String> startOn(ServiceRun run, LocalServiceInfo service, List<String> executorIds)
            throws InterruptedException {
        var steps = new ArrayList<Callable<Outcome>>();
        executorIds.forEach(executorId -> steps.add(() -> startOne(run, service, executorId)));
        return failures(inBatches(run, steps));
    }

    /** Stops {@code targets}, {@code parallelism} at a time; returns the failures, one sentence each. */
    List<String> stop(ServiceRun run, List<LocalServiceInstanceInfo> targets) throws InterruptedException {
        var steps = new ArrayList<Callable<Outcome>>();
        targets.forEach(target -> steps.add(() -> stopOne(run, target)));
        return failures(inBatches(run, steps));
    }

    Outcome startOne(ServiceRun run, LocalServiceInfo service, String executorId) throws InterruptedException {
        var spec = service.spec();
        var serviceId = service.serviceId();
        try (var session = scheduler.session()) {
            run.requireLeadership();
            var placed = scheduler.place(PlacementRequest.of(serviceId, spec.resources(), spec.placementPolicy())
                    .on(Set.of(executorId)), session);
            if (!placed.isPlaced()) {
                return new Outcome(null, placed.failure());
            }
            var placement = placed.placement();
            List<ConfigSpec> files;
            try {
                files = inline(spec.configs());
            } catch (HttpCallRunner.HttpCallFailure e) {
                return new Outcome(null, "Cannot start an instance of " + serviceId + ": " + e.getMessage());
            }
            var instanceId = "SI-" + UUID.randomUUID();
            var now = new Date();
            var pending = new LocalServiceInstanceInfo(serviceId, spec.name(), instanceId, executorId, null,
                    placement.allocations(), LocalServiceInstanceState.PENDING, Map.of(), "", now, now);
            run.requireLeadership();
            states.record(pending);
            log.info("Starting instance {} of local service {} on executor {} ({})", instanceId, serviceId,
                    executorId, placement.hostname());
            var delivery = messenger.start(executorId,
                    LocalServiceInstanceSpec.from(spec, instanceId, placement.allocations(), files,
                            tokens.forLocalService(serviceId, spec.name(), instanceId, executorId)));
            if (!delivery.isAccepted() && !hasProgressed(serviceId, instanceId)) {
                run.requireLeadership();
                states.record(ServiceInstanceStates.ended(pending, delivery.isRejected()
                                ? LocalServiceInstanceState.STOPPED : LocalServiceInstanceState.LOST,
                        "START_LOCAL_SERVICE_INSTANCE was not taken: " + delivery.reason()));
                return new Outcome(instanceId, "Executor " + executorId + " did not take instance " + instanceId
                        + ": " + delivery.reason());
            }
            var reached = states.await(serviceId, instanceId, i -> i.state() == LocalServiceInstanceState.HEALTHY
                    || ServiceInstances.NOT_STARTING.contains(i.state()), run.timeout(), run::isAbandoned);
            run.requireLeadership();
            if (reached.isPresent() && reached.get().state() == LocalServiceInstanceState.HEALTHY) {
                session.commit();
                log.info("Instance {} of local service {} is HEALTHY on executor {}", instanceId, serviceId,
                        executorId);
                return new Outcome(instanceId, null);
            }
            var last = states.find(serviceId, instanceId).orElse(pending);
            var why = "Instance " + instanceId + " of local service " + serviceId + (reached.isPresent()
                    ? " ended its start in " + last.state() + (last.errorMessage() == null
                    || last.errorMessage().isBlank() ? "" : ": " + last.errorMessage())
                    : " did not become HEALTHY within " + run.timeout().toSeconds() + " s (last state "
                    + last.state() + ")");
            log.warn(why);
            if (ServiceInstances.LIVE.contains(last.state())
                    || last.state() == LocalServiceInstanceState.UNHEALTHY) {
                var stop = messenger.stop(executorId, instanceId);
                if (!stop.isAccepted()) {
                    run.requireLeadership();
                    states.record(ServiceInstanceStates.ended(last, LocalServiceInstanceState.STOPPED, why));
                }
            }
            return new Outcome(instanceId, why);
        }
    }

    Outcome stopOne(ServiceRun run, LocalServiceInstanceInfo target) throws InterruptedException {
        var serviceId = target.serviceId();
        var instanceId = target.instanceId();
        var current = states.find(serviceId, instanceId).orElse(target);
        if (current.state().isTerminal()) {
            return new Outcome(instanceId, null);
        }
        run.requireLeadership();
        log.info("Stopping instance {} of local service {} on executor {} (it is {})", instanceId, serviceId,
                current.executorId(), current.state());
        var delivery = messenger.stop(current.executorId(), instanceId);
        if (delivery.isRejected()) {
            var latest = states.find(serviceId, instanceId).orElse(current);
            if (!latest.state().isTerminal()) {
                run.requireLeadership();
                states.record(ServiceInstanceStates.ended(latest, LocalServiceInstanceState.STOPPED,
                        "Executor " + current.executorId() + " does not run it: " + delivery.reason()));
            }
            return new Outcome(instanceId, null);
        }
        if (!delivery.isAccepted()) {
            return new Outcome(instanceId, delivery.reason());
        }
        var stopped = states.await(serviceId, instanceId, i -> i.state().isTerminal(), run.timeout(),
                run::isAbandoned);
        run.requireLeadership();
        if (stopped.isPresent()) {
            log.info("Instance {} of local service {} is {}", instanceId, serviceId, stopped.get().state());
            return new Outcome(instanceId, null);
        }
        var last = states.find(serviceId, instanceId).orElse(current);
        return new Outcome(instanceId, "Instance " + instanceId + " of local service " + serviceId
                + " did not stop within " + run.timeout().toSeconds() + " s (last state " + last.state() + ")");
    }

    private boolean hasProgressed(String serviceId, String instanceId) {
        return states.find(serviceId, instanceId).map(i -> i.state() != LocalServiceInstanceState.PENDING)
                .orElse(false);
    }

    /** The configs with controller fetches done, so the executor gets the files as the controller saw them. */
    private static List<ConfigSpec> inline(List<ConfigSpec> configs) throws HttpCallRunner.HttpCallFailure {
        var result = new ArrayList<ConfigSpec>(configs.size());
        for (var config : configs) {
            if (config instanceof ControllerHttpFetchConfigSpec fetch) {
                result.add(new InlineConfigSpec(fetch.localFilename(),
                        HttpCallRunner.fetch(fetch.http(), "config " + fetch.localFilename())));
            } else {
                result.add(config);
            }
        }
        return result;
    }

    private static List<String> failures(List<Outcome> outcomes) {
        return outcomes.stream().filter(o -> !o.isSuccess()).map(Outcome::failure).toList();
    }

    /** Runs the steps on the term's workers, a batch of the run's parallelism at a time, until cancelled. */
    private static List<Outcome> inBatches(ServiceRun run, List<Callable<Outcome>> steps)
            throws InterruptedException {
        var outcomes = new ArrayList<Outcome>();
        for (int from = 0; from < steps.size() && !run.isCancelled(); from += run.parallelism()) {
            var batch = steps.subList(from, Math.min(steps.size(), from + run.parallelism()));
            List<Future<Outcome>> futures;
            try {
                futures = run.term().workers().invokeAll(batch);
            } catch (RejectedExecutionException e) {
                throw new ServiceRun.AbandonedException(run.serviceId());
            }
            for (var future : futures) {
                try {
                    outcomes.add(future.get());
                } catch (CancellationException e) {
                    outcomes.add(new Outcome(null, "the step was cancelled"));
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof ServiceRun.AbandonedException abandoned) {
                        throw abandoned;
                    }
                    outcomes.add(new Outcome(null, String.valueOf(e.getCause().getMessage())));
                }
            }
        }
        return outcomes;
    }
}
