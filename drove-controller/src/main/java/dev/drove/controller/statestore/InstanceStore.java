package dev.drove.controller.statestore;

import dev.drove.models.instance.InstanceInfo;
import dev.drove.models.instance.InstanceState;

import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Set;

/**
 * Application instances: {@link InstanceInfo} at {@code /instances/{appId}/{instanceId}}. Reads never throw for a
 * missing application or instance; each save replaces one instance's document whole.
 */
public interface InstanceStore extends GroupedStore<InstanceInfo> {
    /** Oldest created first, ties by instanceId: the order scale-down stops them in. */
    Comparator<InstanceInfo> OLDEST_FIRST = Comparator
            .comparing((InstanceInfo instance) -> millis(instance.created()))
            .thenComparing(InstanceInfo::instanceId);
    /** Most recently updated first, ties by instanceId. */
    Comparator<InstanceInfo> LATEST_UPDATE_FIRST = Comparator
            .comparing((InstanceInfo instance) -> millis(instance.updated())).reversed()
            .thenComparing(InstanceInfo::instanceId);

    /** The application's instances in one of {@code states}, {@link #OLDEST_FIRST}. */
    default List<InstanceInfo> instances(String appId, Set<InstanceState> states) {
        return all(appId).stream().filter(instance -> states.contains(instance.state())).toList();
    }

    /**
     * How many of the application's instances are in one of {@code states}: what
     * {@code instances(appId, states).size()} says, without ordering or copying them (the API's summaries).
     */
    default int count(String appId, Set<InstanceState> states) {
        return instances(appId, states).size();
    }

    /**
     * One page of the application's finished instances (terminal states: STOPPED, LOST), most recently updated
     * first ({@code GET /apis/v1/applications/{appId}/instances/old}).
     *
     * @param start how many to skip, at least 0
     * @param size  at most how many to return, at least 0
     */
    default List<InstanceInfo> oldInstances(String appId, int start, int size) {
        Paging.check(start, size);
        return all(appId).stream()
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
