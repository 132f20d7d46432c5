package dev.drove.models.config;

import dev.drove.models.common.HTTPCallSpec;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;

/** Config content each executor fetches over HTTP before it starts a container. */
public record ExecutorHttpFetchConfigSpec(@NotEmpty String localFilename, @NotNull @Valid HTTPCallSpec http)
        implements ConfigSpec {
}
