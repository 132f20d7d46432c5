package dev.drove.controller.statestore;

import dev.drove.models.instance.LocalServiceInstanceInfo;
import dev.drove.models.instance.LocalServiceInstanceState;

import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Set;

/**
 * Local-service instances: {@link LocalServiceInstanceInfo} at
 * {@code /localserviceinstances/{serviceId}/{instanceId}}, with the same rules as {@link InstanceStore}.
 */
public interface LocalServiceInstanceStore extends GroupedStore<LocalServiceInstanceInfo> {
    /** Oldest created first, ties by instanceId. */
    Comparator<LocalServiceInstanceInfo> OLDEST_FIRST = Comparator
            .comparing((LocalServiceInstanceInfo instance) -> millis(instance.created()))
            .thenComparing(LocalServiceInstanceInfo::instanceId);
    /** Most recently updated first, ties by instanceId. */
    Comparator<LocalServiceInstanceInfo> LATEST_UPDATE_FIRST = Comparator
            .comparing((LocalServiceInstanceInfo instance) -> millis(instance.updated())).reversed()
            .thenComparing(LocalServiceInstanceInfo::instanceId);

    /** The service's instances in one of {@code states}, {@link #OLDEST_FIRST}. */
    default List<LocalServiceInstanceInfo> instances(String serviceId, Set<LocalServiceInstanceState> states) {
        return all(serviceId).stream().filter(instance -> states.contains(instance.state())).toList();
    }

    /** One page of the service's finished instances (STOPPED, LOST), most recently updated first. */
    default List<LocalServiceInstanceInfo> oldInstances(String serviceId, int start, int size) {
        Paging.check(start, size);
        return all(serviceId).stream()
                .filter(instance -> instance.state() != null && instance.state().isTerminal())
                .sorted(LATEST_UPDATE_FIRST)
                .skip(start)
                .limit(size)
                .toList();
    }

    private static long millis(Date date) {
        return date == null ? 0L : date.getTime();
    }
}
