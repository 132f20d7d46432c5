package dev.drove.executor.logs;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.sift.AbstractDiscriminator;

import java.util.Map;

/**
 * Sorts events by {@link InstanceLogId}: a valid MDC {@value InstanceLogId#MDC_KEY} keeps its value; an absent or
 * malformed one becomes {@value #DEFAULT_BUCKET}, so all such events share one file and one appender.
 */
final class InstanceLogDiscriminator extends AbstractDiscriminator<ILoggingEvent> {
    /** The value for events that belong to no instance (the executor's own lines). */
    static final String DEFAULT_BUCKET = "drove-executor";

    @Override
    public String getDiscriminatingValue(ILoggingEvent event) {
        Map<String, String> mdc = event.getMDCPropertyMap();
        return InstanceLogId.parse(mdc == null ? null : mdc.get(InstanceLogId.MDC_KEY))
                .map(InstanceLogId::toString)
                .orElse(DEFAULT_BUCKET);
    }

    @Override
    public String getKey() {
        return InstanceLogId.MDC_KEY;
    }
}
