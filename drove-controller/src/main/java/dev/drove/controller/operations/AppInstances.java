package dev.drove.controller.operations;

import dev.drove.models.instance.InstanceInfo;
import dev.drove.models.instance.InstanceState;

import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * One application's instances, grouped as operations and the monitor count them. The list is oldest first, as the
 * store returns it, and so is every group.
 *
 * <ul>
 *     <li><b>live</b>: healthy or on the way there (PENDING … HEALTHY, and UNKNOWN while an executor recovers it);
 *     these count towards the expected instances.</li>
 *     <li><b>unhealthy</b>: UNHEALTHY; not counted, replaced, and stopped by the controller.</li>
 *     <li><b>active</b>: not terminal: still holds resources or may still run.</li>
 * </ul>
 */
record AppInstances(List<InstanceInfo> all) {
    static final Set<InstanceState> LIVE = EnumSet.of(InstanceState.PENDING, InstanceState.PROVISIONING,
            InstanceState.STARTING, InstanceState.UNREADY, InstanceState.READY, InstanceState.HEALTHY,
            InstanceState.UNKNOWN);
    /** Where a starting instance ends when it will not become HEALTHY. */
    static final Set<InstanceState> NOT_STARTING = EnumSet.of(InstanceState.PROVISIONING_FAILED,
            InstanceState.START_FAILED, InstanceState.READINESS_CHECK_FAILED, InstanceState.UNHEALTHY,
            InstanceState.DEPROVISIONING, InstanceState.STOPPING, InstanceState.STOPPED, InstanceState.LOST);

    AppInstances {
        all = List.copyOf(all);
    }

    List<InstanceInfo> live() {
        return in(LIVE);
    }

    List<InstanceInfo> healthy() {
        return in(EnumSet.of(InstanceState.HEALTHY));
    }

    /** Live but not yet HEALTHY. */
    List<InstanceInfo> starting() {
        return all.stream().filter(i -> LIVE.contains(i.state()) && i.state() != InstanceState.HEALTHY).toList();
    }

    List<InstanceInfo> unhealthy() {
        return in(EnumSet.of(InstanceState.UNHEALTHY));
    }

    List<InstanceInfo> active() {
        return all.stream().filter(i -> i.state() != null && !i.state().isTerminal()).toList();
    }

    /** The active instances among {@code instanceIds}, oldest first. */
    List<InstanceInfo> activeAmong(Collection<String> instanceIds) {
        return active().stream().filter(i -> instanceIds.contains(i.instanceId())).toList();
    }

    private List<InstanceInfo> in(Set<InstanceState> states) {
        return all.stream().filter(i -> states.contains(i.state())).toList();
    }
}
