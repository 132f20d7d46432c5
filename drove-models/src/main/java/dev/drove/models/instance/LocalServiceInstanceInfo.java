package dev.drove.models.instance;

import dev.drove.models.info.resources.ResourceAllocation;

import java.util.Collections;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One instance of a local service ({@code GET /apis/v1/localservices/{serviceId}/instances}); the same shape as
 * {@link InstanceInfo} with the service's id and name in place of the application's.
 */
public record LocalServiceInstanceInfo(String serviceId,
                                       String serviceName,
                                       String instanceId,
                                       String executorId,
                                       LocalInstanceInfo localInfo,
                                       List<ResourceAllocation> resources,
                                       LocalServiceInstanceState state,
                                       Map<String, String> metadata,
                                       String errorMessage,
                                       Date created,
                                       Date updated) {
    public LocalServiceInstanceInfo {
        resources = resources == null ? List.of() : List.copyOf(resources);
        metadata = metadata == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
    }
}
