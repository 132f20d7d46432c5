package dev.drove.models.instance;

import dev.drove.models.info.resources.ResourceAllocation;

import java.util.Collections;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One application instance as the controller stores and the API returns it
 * ({@code GET /apis/v1/applications/{appId}/instances}, docs: apis/application.md).
 *
 * <p>{@code localInfo} is null until the container is started; {@code errorMessage} is {@code ""} when nothing
 * failed, as in the docs. {@code resources} are the exact NUMA cores and memory pinned for the instance.
 */
public record InstanceInfo(String appId,
                           String appName,
                           String instanceId,
                           String executorId,
                           LocalInstanceInfo localInfo,
                           List<ResourceAllocation> resources,
                           InstanceState state,
                           Map<String, String> metadata,
                           String errorMessage,
                           Date created,
                           Date updated) {
    public InstanceInfo {
        resources = resources == null ? List.of() : List.copyOf(resources);
        metadata = metadata == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
    }
}
