package dev.drove.models.application.checks;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * One probe of a container: used by health and readiness checks and as a pre-shutdown hook (docs:
 * applications/specification.md, "HTTP Check Options" and "Command Check Options").
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = HTTPCheckModeSpec.class, name = "HTTP"),
        @JsonSubTypes.Type(value = CmdCheckModeSpec.class, name = "CMD")})
public sealed interface CheckModeSpec permits HTTPCheckModeSpec, CmdCheckModeSpec {

    /** The mode of this probe; the same word as the JSON {@code type}. */
    CheckMode checkMode();
}
