package dev.drove.models.application.exposure;

import com.fasterxml.jackson.annotation.JsonAlias;
import jakarta.validation.constraints.NotBlank;

/**
 * The virtual host under which the gateway exposes an application's healthy instances (docs:
 * applications/specification.md, "Exposure Specification").
 *
 * @param vhost    a fully qualified domain name
 * @param portName a name from the spec's {@code exposedPorts}; {@code "port"} is accepted too because the docs' own
 *                 sample spells it so
 * @param mode     {@code ALL} when absent
 */
public record ExposureSpec(@NotBlank String vhost, @NotBlank @JsonAlias("port") String portName, ExposureMode mode) {
    public ExposureSpec {
        mode = mode == null ? ExposureMode.ALL : mode;
    }
}
