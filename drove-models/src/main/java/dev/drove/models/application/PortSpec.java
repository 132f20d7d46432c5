package dev.drove.models.application;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/**
 * A port the container listens on, exposed on a host port chosen by the executor.
 *
 * @param name a logical name that checks and the exposure spec refer to
 * @param port the port inside the container, as in its Dockerfile
 * @param type what the port speaks; UDP ports are bound as TCP, as in the original
 */
public record PortSpec(
        @NotEmpty @Pattern(regexp = ApplicationSpec.NAME_PATTERN, message = ApplicationSpec.NAME_MESSAGE) String name,
        @Min(1) @Max(65535) int port,
        @NotNull PortType type) {
}
