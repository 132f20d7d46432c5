package dev.drove.controller.cluster;

import dev.drove.controller.statestore.ApplicationStore;
import dev.drove.controller.statestore.InstanceStore;
import dev.drove.models.instance.InstanceInfo;
import dev.drove.models.instance.InstanceState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Executors whose entry is gone, since when, and what happens after the grace period: every active instance on them
 * is marked LOST. An executor that stored instances name but that was never seen in this term is absent from the
 * moment it is suspected. Thread-safe.
 */
final class ExecutorAbsences {
    private static final Logger log = LoggerFactory.getLogger(ExecutorAbsences.class);

    /** Since when an executor is away, and whether this term ever saw it. */
    private record Absence(Instant since, boolean seenBefore) {
    }

    private final Map<String, Absence> absent = new ConcurrentHashMap<>();
    private final Duration gracePeriod;
    private final InstanceStates states;
    private final InstanceStore instances;
    private final ApplicationStore applications;

    ExecutorAbsences(Duration gracePeriod, InstanceStates states, InstanceStore instances,
                     ApplicationStore applications) {
        this.gracePeriod = gracePeriod;
        this.states = states;
        this.instances = instances;
        this.applications = applications;
    }

    Duration gracePeriod() {
        return gracePeriod;
    }

    Set<String> ids() {
        return Set.copyOf(absent.keySet());
    }

    void clear() {
        absent.clear();
    }

    /** Every executor that stored active instances name is absent from {@code now} until a read shows it. */
    void suspectReferenced(Instant now) {
        for (var application : applications.all()) {
            for (var instance : instances.all(application.appId())) {
                if (instance.executorId() != null && !instance.state().isTerminal()) {
                    absent.putIfAbsent(instance.executorId(), new Absence(now, false));
                }
            }
        }
    }

    /** A seen executor is not in the latest read; its absence starts now unless it started already. */
    void missing(String executorId, Instant now) {
        if (absent.putIfAbsent(executorId, new Absence(now, true)) == null) {
            log.warn("Executor {} has disappeared; its instances are marked LOST unless it is back within {} s",
                    executorId, gracePeriod.toSeconds());
        }
    }

    /** The executor is there; how long it was away, when this term had seen it before. */
    Optional<Duration> back(String executorId, Instant now) {
        var absence = absent.remove(executorId);
        return absence == null || !absence.seenBefore() ? Optional.empty()
                : Optional.of(Duration.between(absence.since(), now));
    }

    /** The executors away longer than the grace period, no longer tracked as absent. */
    List<String> overdue(Instant now) {
        var overdue = new ArrayList<String>();
        for (var entry : Map.copyOf(absent).entrySet()) {
            if (Duration.between(entry.getValue().since(), now).compareTo(gracePeriod) >= 0
                    && absent.remove(entry.getKey(), entry.getValue())) {
                overdue.add(entry.getKey());
            }
        }
        return overdue;
    }

    /** Marks every active instance on the executor LOST; returns how many. */
    int markInstancesLost(String executorId) {
        var now = new Date();
        int lost = 0;
        for (var application : applications.all()) {
            for (var instance : instances.all(application.appId())) {
                if (executorId.equals(instance.executorId()) && !instance.state().isTerminal()) {
                    states.record(new InstanceInfo(instance.appId(), instance.appName(), instance.instanceId(),
                            instance.executorId(), instance.localInfo(), instance.resources(), InstanceState.LOST,
                            instance.metadata(), "Executor " + executorId + " has been gone longer than the grace "
                            + "period of " + gracePeriod.toSeconds() + " s", instance.created(), now));
                    lost++;
                }
            }
        }
        return lost;
    }
}
