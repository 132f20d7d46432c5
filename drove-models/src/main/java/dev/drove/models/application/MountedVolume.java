package dev.drove.models.application;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/** A directory or file of the executor host mounted into the container. Remote volumes are not supported. */
public record MountedVolume(@NotBlank String pathInContainer, @NotBlank String pathOnHost, @NotNull MountMode mode) {

    /** Whether the container may write to the mount. */
    public enum MountMode {
        READ_WRITE,
        READ_ONLY
    }
}
