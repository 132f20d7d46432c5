package dev.drove.executor.logs;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.sift.SiftingAppender;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonTypeName;
import io.dropwizard.logging.common.AbstractAppenderFactory;
import io.dropwizard.logging.common.async.AsyncAppenderFactory;
import io.dropwizard.logging.common.filter.LevelFilterFactory;
import io.dropwizard.logging.common.layout.LayoutFactory;
import io.dropwizard.util.DataSize;
import io.dropwizard.validation.MinDataSize;
import io.dropwizard.validation.ValidationMethod;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;

/**
 * The {@code type: drove} log appender (docs: cluster/setup/executor-setup.md, "Drove Application Logger
 * Configuration"): a logback sifting appender that writes each instance's output, keyed by the MDC value
 * {@value InstanceLogId#MDC_KEY} = {@code first:second}, to {@code {logPath}/{first}/{second}/output.log}, and
 * everything else to {@code {logPath}/drove-executor.log}. Archives are {@code output.log-{archivedLogFileSuffix}}
 * (see {@link InstanceLogFiles}). Registered for Dropwizard's config through
 * {@code META-INF/services/io.dropwizard.logging.common.AppenderFactory}.
 *
 * <p>Keys: {@code logPath} (required), {@code archive} (default true), {@code archivedLogFileSuffix} (default
 * {@code %d}), {@code archivedFileCount} (default 5), {@code maxFileSize}, {@code totalSizeCap}, {@code bufferSize}
 * (default 8KiB, used when {@code immediateFlush} is off), {@code immediateFlush} (default true), plus the common
 * appender keys ({@code threshold}, {@code timeZone}, {@code logFormat}, …).
 *
 * <p>An instance's file stays open until its follower ends the log (see {@link ContainerLogFollower}) or after 30
 * minutes without a line.
 */
@JsonTypeName("drove")
public class DroveAppenderFactory extends AbstractAppenderFactory<ILoggingEvent> {
    @NotBlank(message = "must name the folder for instance logs")
    private String logPath;
    private boolean archive = true;
    private String archivedLogFileSuffix = "%d";
    @Min(value = 0, message = "must be 0 (keep all) or more")
    private int archivedFileCount = 5;
    private DataSize maxFileSize;
    private DataSize totalSizeCap;
    @MinDataSize(value = 1, message = "must be at least 1 byte")
    private DataSize bufferSize = DataSize.kibibytes(8);
    private boolean immediateFlush = true;

    @Override
    public Appender<ILoggingEvent> build(LoggerContext context, String applicationName,
                                         LayoutFactory<ILoggingEvent> layoutFactory,
                                         LevelFilterFactory<ILoggingEvent> levelFilterFactory,
                                         AsyncAppenderFactory<ILoggingEvent> asyncAppenderFactory) {
        InstanceLogDiscriminator discriminator = new InstanceLogDiscriminator();
        discriminator.setContext(context);
        discriminator.start();
        SiftingAppender sift = new SiftingAppender();
        sift.setContext(context);
        sift.setName("drove-instance-logs");
        sift.setDiscriminator(discriminator);
        sift.setAppenderFactory(new InstanceLogFiles(this, context, () -> buildLayout(context, layoutFactory)));
        sift.addFilter(levelFilterFactory.build(threshold));
        getFilterFactories().forEach(filter -> sift.addFilter(filter.build()));
        sift.start();
        return wrapAsync(sift, asyncAppenderFactory);
    }

    @JsonIgnore
    @ValidationMethod(message = "archivedLogFileSuffix must not be empty when archive is on")
    public boolean isArchiveSuffixPresent() {
        return !archive || (archivedLogFileSuffix != null && !archivedLogFileSuffix.isBlank());
    }

    @JsonIgnore
    @ValidationMethod(message = "archivedLogFileSuffix must contain %i when maxFileSize is set")
    public boolean isSuffixValidForMaxFileSize() {
        return !archive || maxFileSize == null || archivedLogFileSuffix == null
                || archivedLogFileSuffix.contains("%i");
    }

    @JsonIgnore
    @ValidationMethod(message = "archivedLogFileSuffix must contain %d unless maxFileSize is set")
    public boolean isSuffixValidWithoutMaxFileSize() {
        return !archive || maxFileSize != null || archivedLogFileSuffix == null
                || archivedLogFileSuffix.contains("%d");
    }

    @JsonIgnore
    @ValidationMethod(message = "totalSizeCap needs a time-based archivedLogFileSuffix (with %d)")
    public boolean isTotalSizeCapUsable() {
        return !archive || totalSizeCap == null || archivedLogFileSuffix == null
                || archivedLogFileSuffix.contains("%d");
    }

    @JsonProperty
    public String getLogPath() {
        return logPath;
    }

    @JsonProperty
    public void setLogPath(String logPath) {
        this.logPath = logPath;
    }

    @JsonProperty
    public boolean isArchive() {
        return archive;
    }

    @JsonProperty
    public void setArchive(boolean archive) {
        this.archive = archive;
    }

    @JsonProperty
    public String getArchivedLogFileSuffix() {
        return archivedLogFileSuffix;
    }

    @JsonProperty
    public void setArchivedLogFileSuffix(String archivedLogFileSuffix) {
        this.archivedLogFileSuffix = archivedLogFileSuffix;
    }

    @JsonProperty
    public int getArchivedFileCount() {
        return archivedFileCount;
    }

    @JsonProperty
    public void setArchivedFileCount(int archivedFileCount) {
        this.archivedFileCount = archivedFileCount;
    }

    @JsonProperty
    public DataSize getMaxFileSize() {
        return maxFileSize;
    }

    @JsonProperty
    public void setMaxFileSize(DataSize maxFileSize) {
        this.maxFileSize = maxFileSize;
    }

    @JsonProperty
    public DataSize getTotalSizeCap() {
        return totalSizeCap;
    }

    @JsonProperty
    public void setTotalSizeCap(DataSize totalSizeCap) {
        this.totalSizeCap = totalSizeCap;
    }

    @JsonProperty
    public DataSize getBufferSize() {
        return bufferSize;
    }

    @JsonProperty
    public void setBufferSize(DataSize bufferSize) {
        this.bufferSize = bufferSize;
    }

    @JsonProperty
    public boolean isImmediateFlush() {
        return immediateFlush;
    }

    @JsonProperty
    public void setImmediateFlush(boolean immediateFlush) {
        this.immediateFlush = immediateFlush;
    }
}
