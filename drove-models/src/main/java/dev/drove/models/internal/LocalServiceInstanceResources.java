package dev.drove.models.internal;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the active local services need on every executor: the cores and megabytes all their instances on one host
 * take together, and how many instances per host each service (by id) requires. Answered by the leader at
 * {@code GET /apis/v1/internal/cluster/resources/reserved}.
 */
public record LocalServiceInstanceResources(long cpus, long memory, Map<String, Integer> requiredInstances) {
    /** No local services: nothing reserved. */
    public static final LocalServiceInstanceResources EMPTY = new LocalServiceInstanceResources(0, 0, Map.of());

    public LocalServiceInstanceResources {
        requiredInstances = requiredInstances == null
                ? Map.of()
                : Collections.unmodifiableMap(new LinkedHashMap<>(requiredInstances));
    }
}
