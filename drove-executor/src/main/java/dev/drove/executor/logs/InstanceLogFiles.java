package dev.drove.executor.logs;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.Context;
import ch.qos.logback.core.FileAppender;
import ch.qos.logback.core.LayoutBase;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import ch.qos.logback.core.rolling.FixedWindowRollingPolicy;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.rolling.SizeAndTimeBasedRollingPolicy;
import ch.qos.logback.core.rolling.SizeBasedTriggeringPolicy;
import ch.qos.logback.core.rolling.TimeBasedRollingPolicy;
import ch.qos.logback.core.sift.AppenderFactory;
import ch.qos.logback.core.util.FileSize;

import java.nio.file.Path;
import java.util.function.Supplier;

/**
 * Builds the file appender of one sifted bucket: {@code {logPath}/{first}/{second}/output.log} for an instance,
 * {@code {logPath}/drove-executor.log} for the default bucket. Archives are named {@code <file>-<suffix>}:
 * <ul>
 *     <li>suffix with {@code %d}, no {@code maxFileSize}: rolled by time, {@code archivedFileCount} periods kept;</li>
 *     <li>suffix with {@code %d} and {@code %i}, {@code maxFileSize}: rolled by time and size;</li>
 *     <li>suffix with {@code %i} only, {@code maxFileSize}: rolled by size into a fixed window of
 *     {@code archivedFileCount} files.</li>
 * </ul>
 */
final class InstanceLogFiles implements AppenderFactory<ILoggingEvent> {
    static final String INSTANCE_FILE = "output.log";
    static final String DEFAULT_FILE = InstanceLogDiscriminator.DEFAULT_BUCKET + ".log";

    private final DroveAppenderFactory config;
    private final LoggerContext context;
    private final Supplier<LayoutBase<ILoggingEvent>> layouts;

    InstanceLogFiles(DroveAppenderFactory config, LoggerContext context, Supplier<LayoutBase<ILoggingEvent>> layouts) {
        this.config = config;
        this.context = context;
        this.layouts = layouts;
    }

    /** The file that events with this discriminating value go to. */
    Path fileOf(String discriminatingValue) {
        Path root = Path.of(config.getLogPath());
        return InstanceLogId.parse(discriminatingValue)
                .map(id -> root.resolve(id.first()).resolve(id.second()).resolve(INSTANCE_FILE))
                .orElse(root.resolve(DEFAULT_FILE));
    }

    @Override
    public Appender<ILoggingEvent> buildAppender(Context unused, String discriminatingValue) {
        String file = fileOf(discriminatingValue).toString();
        FileAppender<ILoggingEvent> appender = config.isArchive() ? rolling(file) : new FileAppender<>();
        appender.setContext(context);
        appender.setName("drove-" + discriminatingValue);
        appender.setFile(file);
        appender.setImmediateFlush(config.isImmediateFlush());
        appender.setBufferSize(new FileSize(config.getBufferSize().toBytes()));
        LayoutWrappingEncoder<ILoggingEvent> encoder = new LayoutWrappingEncoder<>();
        encoder.setContext(context);
        encoder.setLayout(layouts.get());
        encoder.start();
        appender.setEncoder(encoder);
        appender.start();
        return appender;
    }

    private RollingFileAppender<ILoggingEvent> rolling(String file) {
        RollingFileAppender<ILoggingEvent> appender = new RollingFileAppender<>();
        appender.setContext(context);
        appender.setFile(file);
        String pattern = file + "-" + config.getArchivedLogFileSuffix();
        if (!pattern.contains("%d")) {
            FixedWindowRollingPolicy window = new FixedWindowRollingPolicy();
            window.setContext(context);
            window.setFileNamePattern(pattern);
            window.setMinIndex(1);
            window.setMaxIndex(Math.max(1, config.getArchivedFileCount()));
            window.setParent(appender);
            window.start();
            SizeBasedTriggeringPolicy<ILoggingEvent> trigger = new SizeBasedTriggeringPolicy<>();
            trigger.setContext(context);
            trigger.setMaxFileSize(new FileSize(config.getMaxFileSize().toBytes()));
            trigger.start();
            appender.setRollingPolicy(window);
            appender.setTriggeringPolicy(trigger);
            return appender;
        }
        TimeBasedRollingPolicy<ILoggingEvent> policy;
        if (config.getMaxFileSize() == null) {
            policy = new TimeBasedRollingPolicy<>();
        } else {
            SizeAndTimeBasedRollingPolicy<ILoggingEvent> sizeAndTime = new SizeAndTimeBasedRollingPolicy<>();
            sizeAndTime.setMaxFileSize(new FileSize(config.getMaxFileSize().toBytes()));
            policy = sizeAndTime;
        }
        policy.setContext(context);
        policy.setFileNamePattern(pattern);
        policy.setMaxHistory(config.getArchivedFileCount());
        if (config.getTotalSizeCap() != null) {
            policy.setTotalSizeCap(new FileSize(config.getTotalSizeCap().toBytes()));
        }
        policy.setParent(appender);
        policy.start();
        appender.setRollingPolicy(policy);
        appender.setTriggeringPolicy(policy);
        return appender;
    }
}
