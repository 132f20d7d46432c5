package dev.drove.controller.localservices;

import dev.drove.controller.statestore.LocalServiceStore;
import dev.drove.models.instance.LocalServiceInstanceInfo;
import dev.drove.models.localservice.ActivationState;
import dev.drove.models.localservice.LocalServiceInfo;
import dev.drove.models.localservice.LocalServiceState;
import dev.drove.models.operation.LocalServiceActivateOperation;
import dev.drove.models.operation.LocalServiceAdjustInstancesOperation;
import dev.drove.models.operation.LocalServiceDeactivateOperation;
import dev.drove.models.operation.LocalServiceDeployTestInstanceOperation;
import dev.drove.models.operation.LocalServiceDestroyOperation;
import dev.drove.models.operation.LocalServiceReplaceInstancesOperation;
import dev.drove.models.operation.LocalServiceRestartOperation;
import dev.drove.models.operation.LocalServiceStopInstancesOperation;
import dev.drove.models.operation.LocalServiceUpdateInstanceCountOperation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import java.util.Set;

/**
 * Carries out one local service operation on its own thread. The activation state is stored first, so a new
 * leader's monitor finishes what an interrupted operation started:
 *
 * <pre>
 * ACTIVATE               store ACTIVE → converge
 * DEACTIVATE             store INACTIVE → stop every live instance
 * DEPLOY_TEST_INSTANCE   store CONFIG_TESTING → one new instance on one eligible executor → stop the older ones
 * ADJUST_INSTANCES       converge
 * UPDATE_INSTANCE_COUNT  store instancesPerHost → converge when ACTIVE
 * REPLACE / RESTART      per batch of parallelism: start a new one on each target's executor, then stop the
 *                        target (stopFirst: the other way round); RESTART and an empty id set mean every live one
 * STOP_INSTANCES         stop the named instances (an ACTIVE service's monitor brings their executors back to count)
 * DESTROY                stop leftovers → delete the service and its instances
 * converge               ACTIVE: instancesPerHost live instances on every eligible executor (start the missing,
 *                        stop the oldest extras), UNHEALTHY ones stopped; CONFIG_TESTING: exactly one; INACTIVE: none
 * </pre>
 * Failed steps do not stop the others; the operation then ends with their reasons logged.
 */
final class ServiceRunner {
    private static final Logger log = LoggerFactory.getLogger(ServiceRunner.class);

    private final LocalServiceStore services;
    private final ServiceInstanceActions actions;
    private final ServiceReservations reservations;

    ServiceRunner(LocalServiceStore services, ServiceInstanceActions actions, ServiceReservations reservations) {
        this.services = services;
        this.actions = actions;
        this.reservations = reservations;
    }

    void run(ServiceRun run) {
        log.info("Running {}", run);
        try {
            carryOut(run);
            log.info("{} is {}", run, run.isCancelled() ? "cancelled after its current step" : "complete");
        } catch (ServiceRun.AbandonedException e) {
            log.info("{} stopped: {}", run, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            log.info("{} was interrupted", run);
        } catch (ServiceRun.FailedException e) {
            log.warn("{} failed: {}", run, e.getMessage());
        } catch (RuntimeException e) {
            log.error("{} failed unexpectedly: {}", run, e.getMessage(), e);
        }
    }

    private void carryOut(ServiceRun run) throws InterruptedException {
        var op = run.operation();
        if (op instanceof LocalServiceActivateOperation) {
            converge(run, save(run, require(run).withActivationState(ActivationState.ACTIVE, new Date())));
        } else if (op instanceof LocalServiceDeactivateOperation) {
            save(run, require(run).withActivationState(ActivationState.INACTIVE, new Date()));
            var running = actions.of(run.serviceId());
            fail(run, actions.stop(run, concat(running.live(), running.unhealthy())));
        } else if (op instanceof LocalServiceDeployTestInstanceOperation) {
            deployTestInstance(run);
        } else if (op instanceof LocalServiceAdjustInstancesOperation) {
            converge(run, require(run));
        } else if (op instanceof LocalServiceUpdateInstanceCountOperation update) {
            var service = save(run, require(run).withInstancesPerHost(update.instancesPerHost(), new Date()));
            if (service.activationState() == ActivationState.ACTIVE) {
                converge(run, service);
            }
        } else if (op instanceof LocalServiceReplaceInstancesOperation replace) {
            replace(run, replace.instanceIds(), replace.stopFirst());
        } else if (op instanceof LocalServiceRestartOperation restart) {
            replace(run, Set.of(), restart.stopFirst());
        } else if (op instanceof LocalServiceStopInstancesOperation stop) {
            fail(run, actions.stop(run, actions.of(run.serviceId()).activeAmong(stop.instanceIds())));
        } else if (op instanceof LocalServiceDestroyOperation) {
            destroy(run);
        } else {
            throw new IllegalArgumentException("No steps for local service operation " + op.operationType());
        }
    }

    /** Brings the service's instances to what its activation state asks for. */
    void converge(ServiceRun run, LocalServiceInfo service) throws InterruptedException {
        var serviceId = service.serviceId();
        var current = actions.of(serviceId);
        if (service.activationState() == ActivationState.INACTIVE) {
            fail(run, actions.stop(run, concat(current.live(), current.unhealthy())));
            return;
        }
        var failures = new ArrayList<String>();
        var eligible = reservations.eligibleExecutors();
        if (service.activationState() == ActivationState.CONFIG_TESTING) {
            if (current.live().isEmpty()) {
                failures.addAll(startTestInstance(run, service));
            }
        } else {
            var starts = new ArrayList<String>();
            for (var executorId : eligible) {
                var missing = service.instancesPerHost() - current.liveOn(executorId).size();
                starts.addAll(Collections.nCopies(Math.max(0, missing), executorId));
            }
            if (!starts.isEmpty()) {
                log.info("Local service {} misses {} instances on {} eligible executors; starting them", serviceId,
                        starts.size(), eligible.size());
                failures.addAll(actions.startOn(run, service, starts));
            }
        }
        if (!run.isCancelled()) {
            failures.addAll(actions.stop(run, extras(service, actions.of(serviceId), eligible)));
        }
        fail(run, failures);
    }

    /** The oldest instances beyond the count, per executor (or beyond the one test instance), and UNHEALTHY ones. */
    static List<LocalServiceInstanceInfo> extras(LocalServiceInfo service, ServiceInstances instances,
                                                 List<String> eligible) {
        var extras = new ArrayList<LocalServiceInstanceInfo>();
        if (service.activationState() == ActivationState.CONFIG_TESTING) {
            var live = instances.live();
            extras.addAll(live.subList(0, Math.max(0, live.size() - 1)));
        } else {
            for (var executorId : eligible) {
                var live = instances.liveOn(executorId);
                extras.addAll(live.subList(0, Math.max(0, live.size() - service.instancesPerHost())));
            }
        }
        extras.addAll(instances.unhealthy());
        return extras;
    }

    private void deployTestInstance(ServiceRun run) throws InterruptedException {
        var service = save(run, require(run).withActivationState(ActivationState.CONFIG_TESTING, new Date()));
        var before = actions.of(run.serviceId());
        run.moveTo(LocalServiceState.DEPLOYING_TEST_INSTANCE);
        fail(run, startTestInstance(run, service));
        fail(run, actions.stop(run, concat(before.live(), before.unhealthy())));
    }

    /** One instance on one eligible executor, chosen at random; the failure when it did not become HEALTHY. */
    private List<String> startTestInstance(ServiceRun run, LocalServiceInfo service) throws InterruptedException {
        var eligible = new ArrayList<>(reservations.eligibleExecutors());
        if (eligible.isEmpty()) {
            return List.of("No executor is eligible to run a test instance of local service "
                    + service.serviceId());
        }
        Collections.shuffle(eligible);
        return actions.startOn(run, service, eligible.subList(0, 1));
    }

    private void replace(ServiceRun run, Set<String> instanceIds, boolean stopFirst) throws InterruptedException {
        var service = require(run);
        var current = actions.of(run.serviceId());
        var targets = instanceIds.isEmpty() ? current.live() : current.activeAmong(instanceIds);
        var failures = new ArrayList<String>();
        for (int from = 0; from < targets.size() && !run.isCancelled(); from += run.parallelism()) {
            var batch = targets.subList(from, Math.min(targets.size(), from + run.parallelism()));
            var executors = batch.stream().map(LocalServiceInstanceInfo::executorId).toList();
            log.info("Replacing {} instances of local service {} ({})", batch.size(), run.serviceId(),
                    stopFirst ? "stopping them first" : "starting their replacements first");
            if (stopFirst) {
                failures.addAll(actions.stop(run, batch));
                failures.addAll(actions.startOn(run, service, executors));
            } else {
                failures.addAll(actions.startOn(run, service, executors));
                failures.addAll(actions.stop(run, batch));
            }
            fail(run, failures);
        }
    }

    private void destroy(ServiceRun run) throws InterruptedException {
        var leftovers = actions.of(run.serviceId());
        fail(run, actions.stop(run, concat(leftovers.live(), leftovers.unhealthy())));
        run.requireLeadership();
        services.delete(run.serviceId());
        reservations.refresh();
        run.moveTo(LocalServiceState.DESTROYED);
        log.info("Local service {} is destroyed", run.serviceId());
    }

    private LocalServiceInfo require(ServiceRun run) {
        return services.find(run.serviceId()).orElseThrow(() -> new ServiceRun.FailedException(
                "Local service " + run.serviceId() + " is gone"));
    }

    private LocalServiceInfo save(ServiceRun run, LocalServiceInfo service) {
        run.requireLeadership();
        services.save(service);
        reservations.refresh();
        return service;
    }

    private static void fail(ServiceRun run, List<String> failures) {
        if (!failures.isEmpty()) {
            throw new ServiceRun.FailedException(failures.size() + " steps of " + run + " failed: "
                    + String.join("; ", failures));
        }
    }

    private static List<LocalServiceInstanceInfo> concat(List<LocalServiceInstanceInfo> first,
                                                         List<LocalServiceInstanceInfo> second) {
        var all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }
}
