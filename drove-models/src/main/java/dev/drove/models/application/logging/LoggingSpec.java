package dev.drove.models.application.logging;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * How docker keeps a container's output (docs: snippets/common_configs_logging.md). Drove streams the output to its
 * own logs as well, whatever this says. A spec without one gets {@link LocalLoggingSpec#DEFAULT}.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = LocalLoggingSpec.class, name = "LOCAL"),
        @JsonSubTypes.Type(value = RsyslogLoggingSpec.class, name = "RSYSLOG")})
public sealed interface LoggingSpec permits LocalLoggingSpec, RsyslogLoggingSpec {
}
