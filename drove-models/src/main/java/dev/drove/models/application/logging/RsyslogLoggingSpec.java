package dev.drove.models.application.logging;

import jakarta.validation.constraints.NotBlank;

/**
 * Docker's syslog driver, sending to an rsyslog server. The syslog tag is the instance id, between the optional
 * {@code tagPrefix} and {@code tagSuffix}.
 *
 * @param server the server's URL, such as {@code tcp://rsyslog.internal:514}
 */
public record RsyslogLoggingSpec(@NotBlank String server, String tagPrefix, String tagSuffix) implements LoggingSpec {
}
