package dev.drove.models.api;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * The {@code data} of a spec validation endpoint that accepted the spec: {@code {"valid": true}} as in the original.
 * Our addition: {@code warnings} (unknown fields that were ignored), written only when there are some.
 */
public record SpecValidity(boolean valid, @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> warnings) {
    public SpecValidity {
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
    }
}
