package dev.drove.models.api;

import dev.drove.models.localservice.ActivationState;
import dev.drove.models.localservice.LocalServiceState;

import java.util.Collections;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One local service as {@code GET /apis/v1/localservices[/{serviceId}]} lists it (contract §2.8).
 *
 * <p>{@code activationState} and {@code state} are the names of its ActivationState and LocalServiceState; they are
 * strings until those enums (spec-side types) are in this module, then the lead switches them.
 */
public record LocalServiceSummary(String id,
                                  String name,
                                  long instancesPerHost,
                                  long healthyInstances,
                                  long totalCPUs,
                                  long totalMemory,
                                  Map<String, String> tags,
                                  ActivationState activationState,
                                  LocalServiceState state,
                                  Date created,
                                  Date updated) {
    public LocalServiceSummary {
        tags = tags == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(tags));
    }
}
