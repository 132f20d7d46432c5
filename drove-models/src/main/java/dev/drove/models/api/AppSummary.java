package dev.drove.models.api;

import dev.drove.models.application.ApplicationState;

import java.util.Collections;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One application as {@code GET /apis/v1/applications[/{id}]} lists it (docs: apis/application.md): how many
 * instances it wants and has healthy, and the cores and MB those take.
 *
 * <p>{@code state} is the name of the application's ApplicationState; it is a string until that enum (a spec-side
 * type) is in this module, then the lead switches it.
 */
public record AppSummary(String id,
                         String name,
                         long requiredInstances,
                         long healthyInstances,
                         long totalCPUs,
                         long totalMemory,
                         Map<String, String> tags,
                         ApplicationState state,
                         Date created,
                         Date updated) {
    public AppSummary {
        tags = tags == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(tags));
    }
}
