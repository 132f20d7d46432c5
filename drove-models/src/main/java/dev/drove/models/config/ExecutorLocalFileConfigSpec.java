package dev.drove.models.config;

import jakarta.validation.constraints.NotEmpty;

/** Config content read by the executor from {@code filePathOnHost}, a file placed there by configuration management. */
public record ExecutorLocalFileConfigSpec(@NotEmpty String localFilename, @NotEmpty String filePathOnHost)
        implements ConfigSpec {
}
