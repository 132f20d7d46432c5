package dev.drove.models.config;

import dev.drove.models.common.HTTPCallSpec;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;

/**
 * Config content the controller fetches over HTTP each time it starts an instance, then sends to the executor inline.
 */
public record ControllerHttpFetchConfigSpec(@NotEmpty String localFilename, @NotNull @Valid HTTPCallSpec http)
        implements ConfigSpec {
}
