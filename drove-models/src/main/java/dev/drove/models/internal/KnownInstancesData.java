package dev.drove.models.internal;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * What the leader knows about the instances on one executor: the ids it tracks, and among them the stale ones the
 * executor must stop (their application is gone or scaled to zero, their task metadata is gone, their local service
 * is not active). An executor that gets nothing back treats every set as empty.
 */
public record KnownInstancesData(Set<String> appInstanceIds,
                                 Set<String> staleAppInstanceIds,
                                 Set<String> taskInstanceIds,
                                 Set<String> staleTaskInstanceIds,
                                 Set<String> localServiceInstanceIds,
                                 Set<String> staleLocalServiceInstanceIds) {
    /** Nothing known: what an executor assumes when the leader has no answer. */
    public static final KnownInstancesData EMPTY = new KnownInstancesData(null, null, null, null, null, null);

    public KnownInstancesData {
        appInstanceIds = copy(appInstanceIds);
        staleAppInstanceIds = copy(staleAppInstanceIds);
        taskInstanceIds = copy(taskInstanceIds);
        staleTaskInstanceIds = copy(staleTaskInstanceIds);
        localServiceInstanceIds = copy(localServiceInstanceIds);
        staleLocalServiceInstanceIds = copy(staleLocalServiceInstanceIds);
    }

    private static Set<String> copy(Set<String> ids) {
        return ids == null ? Set.of() : Collections.unmodifiableSet(new LinkedHashSet<>(ids));
    }
}
