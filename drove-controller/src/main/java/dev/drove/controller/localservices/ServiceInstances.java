package dev.drove.controller.localservices;

import dev.drove.models.instance.LocalServiceInstanceInfo;
import dev.drove.models.instance.LocalServiceInstanceState;

import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * One local service's instances, grouped as operations and the monitor count them; oldest first, as the store
 * returns them.
 *
 * <ul>
 *     <li><b>live</b>: healthy or on the way there (PENDING … HEALTHY, and UNKNOWN while an executor recovers it);
 *     these count towards the instances an executor should run.</li>
 *     <li><b>unhealthy</b>: UNHEALTHY; not counted, replaced, then stopped.</li>
 *     <li><b>active</b>: not terminal: still holds resources or may still run.</li>
 * </ul>
 */
record ServiceInstances(List<LocalServiceInstanceInfo> all) {
    static final Set<LocalServiceInstanceState> LIVE = EnumSet.of(LocalServiceInstanceState.PENDING,
            LocalServiceInstanceState.PROVISIONING, LocalServiceInstanceState.STARTING,
            LocalServiceInstanceState.UNREADY, LocalServiceInstanceState.READY, LocalServiceInstanceState.HEALTHY,
            LocalServiceInstanceState.UNKNOWN);
    /** Where a starting instance ends when it will not become HEALTHY. */
    static final Set<LocalServiceInstanceState> NOT_STARTING = EnumSet.of(
            LocalServiceInstanceState.PROVISIONING_FAILED, LocalServiceInstanceState.START_FAILED,
            LocalServiceInstanceState.READINESS_CHECK_FAILED, LocalServiceInstanceState.UNHEALTHY,
            LocalServiceInstanceState.DEPROVISIONING, LocalServiceInstanceState.STOPPING,
            LocalServiceInstanceState.STOPPED, LocalServiceInstanceState.LOST);

    ServiceInstances {
        all = List.copyOf(all);
    }

    List<LocalServiceInstanceInfo> live() {
        return all.stream().filter(i -> LIVE.contains(i.state())).toList();
    }

    /** The live instances on one executor. */
    List<LocalServiceInstanceInfo> liveOn(String executorId) {
        return all.stream().filter(i -> LIVE.contains(i.state()) && executorId.equals(i.executorId())).toList();
    }

    List<LocalServiceInstanceInfo> healthy() {
        return all.stream().filter(i -> i.state() == LocalServiceInstanceState.HEALTHY).toList();
    }

    List<LocalServiceInstanceInfo> unhealthy() {
        return all.stream().filter(i -> i.state() == LocalServiceInstanceState.UNHEALTHY).toList();
    }

    List<LocalServiceInstanceInfo> active() {
        return all.stream().filter(i -> i.state() != null && !i.state().isTerminal()).toList();
    }

    /** The active instances among {@code instanceIds}, oldest first. */
    List<LocalServiceInstanceInfo> activeAmong(Collection<String> instanceIds) {
        return active().stream().filter(i -> instanceIds.contains(i.instanceId())).toList();
    }
}
