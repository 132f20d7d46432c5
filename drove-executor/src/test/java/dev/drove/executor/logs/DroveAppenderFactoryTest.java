package dev.drove.executor.logs;

import ch.qos.logback.classic.AsyncAppender;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.sift.SiftingAppender;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.FileAppender;
import ch.qos.logback.core.rolling.FixedWindowRollingPolicy;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.rolling.RollingPolicyBase;
import ch.qos.logback.core.rolling.SizeAndTimeBasedRollingPolicy;
import ch.qos.logback.core.rolling.TimeBasedRollingPolicy;
import io.dropwizard.configuration.ConfigurationValidationException;
import io.dropwizard.util.DataSize;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.slf4j.MDC;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** The {@code type: drove} appender binds from the docs' samples and files lines per instance. */
class DroveAppenderFactoryTest {
    private final LoggerContext context = new LoggerContext();
    private Appender<ILoggingEvent> appender;

    @BeforeEach
    void shareTheMdc() {
        context.setMDCAdapter(MDC.getMDCAdapter());
    }

    @AfterEach
    void stop() {
        if (appender != null) {
            appender.stop();
        }
        context.stop();
    }

    @Test
    void theConfigurationReferenceSampleBinds() throws Exception {
        DroveAppenderFactory drove = DroveAppenders.bind("""
                logging:
                  level: INFO
                  appenders:
                    - type: console
                      threshold: ALL
                      timeZone: UTC
                      logFormat: "%(%-5level) [%date] [%logger{0} - %X{instanceLogId}] %message%n"
                    - type: drove
                      logPath: "/logs/applogs/"
                      archivedLogFileSuffix: "%d"
                      archivedFileCount: 3
                      threshold: TRACE
                      timeZone: UTC
                      logFormat: "%(%-5level) | %-23date | %-30logger{0} | %message%n"
                      archive: true
                """);
        assertThat(drove.getLogPath()).isEqualTo("/logs/applogs/");
        assertThat(drove.getArchivedLogFileSuffix()).isEqualTo("%d");
        assertThat(drove.getArchivedFileCount()).isEqualTo(3);
        assertThat(drove.getThreshold()).isEqualTo("TRACE");
        assertThat(drove.getLogFormat()).isEqualTo("%(%-5level) | %-23date | %-30logger{0} | %message%n");
        assertThat(drove.isArchive()).isTrue();
        assertThat(drove.getMaxFileSize()).isNull();
        assertThat(drove.isImmediateFlush()).isTrue();
        assertThat(drove.getBufferSize()).isEqualTo(DataSize.kibibytes(8));
    }

    @Test
    void theExecutorSetupSampleBinds() throws Exception {
        DroveAppenderFactory drove = DroveAppenders.bind("""
                logging:
                  level: INFO
                  appenders:
                    - type: drove
                      logPath: "/var/log/drove/executor/instance-logs"
                      archivedLogFileSuffix: "%d-%i"
                      archivedFileCount: 0
                      maxFileSize: 1GiB
                      threshold: INFO
                      timeZone: IST
                      logFormat: "%(%-5level) | %-23date | %-30logger{0} | %message%n"
                      archive: true
                """);
        assertThat(drove.getLogPath()).isEqualTo("/var/log/drove/executor/instance-logs");
        assertThat(drove.getArchivedLogFileSuffix()).isEqualTo("%d-%i");
        assertThat(drove.getArchivedFileCount()).isZero();
        assertThat(drove.getMaxFileSize()).isEqualTo(DataSize.gibibytes(1));
        assertThat(drove.getThreshold()).isEqualTo("INFO");
    }

    @Test
    void linesAreFiledUnderTheirInstanceAndEverythingElseInTheExecutorLog(@TempDir Path logs) throws IOException {
        Logger logger = start(appenderAt(logs, "%d"));

        logAs("app1-1:AI-1", logger, "application line");
        logAs("billing:task-7", logger, "task line");
        logAs(null, logger, "executor line");
        logAs("../../etc:passwd", logger, "sneaky line");

        await().untilAsserted(() -> {
            assertThat(logs.resolve("app1-1/AI-1/output.log")).content().isEqualTo("INFO | application line\n");
            assertThat(logs.resolve("billing/task-7/output.log")).content().isEqualTo("INFO | task line\n");
            assertThat(logs.resolve("drove-executor.log")).content()
                    .isEqualTo("INFO | executor line\nINFO | sneaky line\n");
        });
        try (Stream<Path> files = Files.walk(logs)) {
            assertThat(files.filter(Files::isRegularFile).map(logs::relativize).map(Path::toString))
                    .containsExactlyInAnyOrder("app1-1/AI-1/output.log", "billing/task-7/output.log",
                            "drove-executor.log");
        }
    }

    @Test
    void theThresholdDropsQuieterLines(@TempDir Path logs) {
        DroveAppenderFactory factory = appenderAt(logs, "%d");
        factory.setThreshold("WARN");
        Logger logger = start(factory);

        logAs("app:1", logger, "info line");
        logger.warn("warn line");

        await().untilAsserted(() -> assertThat(logs.resolve("drove-executor.log")).content()
                .isEqualTo("WARN | warn line\n"));
        assertThat(logs.resolve("app/1/output.log")).doesNotExist();
    }

    static Stream<Arguments> rollingSetups() {
        return Stream.of(
                arguments("daily by default", "%d", null, TimeBasedRollingPolicy.class, "output.log-%d"),
                arguments("by time and size", "%d-%i", DataSize.megabytes(1), SizeAndTimeBasedRollingPolicy.class,
                        "output.log-%d-%i"),
                arguments("by size in a fixed window", "%i", DataSize.megabytes(1), FixedWindowRollingPolicy.class,
                        "output.log-%i"),
                arguments("compressed", "%d.gz", null, TimeBasedRollingPolicy.class, "output.log-%d.gz"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rollingSetups")
    void archivesAreNamedAfterTheOutputFileWithTheSuffix(String name, String suffix, DataSize maxFileSize,
                                                         Class<?> policy, String pattern, @TempDir Path logs) {
        DroveAppenderFactory factory = appenderAt(logs, suffix);
        factory.setMaxFileSize(maxFileSize);
        Logger logger = start(factory);

        logAs("app:1", logger, "line");

        await().untilAsserted(() -> assertThat(logs.resolve("app/1/output.log")).exists());
        SiftingAppender sift = (SiftingAppender) ((AsyncAppender) appender).getAppender("drove-instance-logs");
        Appender<ILoggingEvent> file = sift.getAppenderTracker().find("app:1");
        assertThat(file).isInstanceOf(RollingFileAppender.class);
        RollingPolicyBase rolling = (RollingPolicyBase) ((RollingFileAppender<ILoggingEvent>) file).getRollingPolicy();
        assertThat(rolling).isInstanceOf(policy);
        assertThat(rolling.getFileNamePattern()).isEqualTo(logs.resolve("app/1").resolve(pattern).toString());
    }

    @Test
    void withoutArchivingThereIsOnePlainFile(@TempDir Path logs) {
        DroveAppenderFactory factory = appenderAt(logs, "%d");
        factory.setArchive(false);
        Logger logger = start(factory);

        logAs("app:1", logger, "line");

        await().untilAsserted(() -> assertThat(logs.resolve("app/1/output.log")).exists());
        SiftingAppender sift = (SiftingAppender) ((AsyncAppender) appender).getAppender("drove-instance-logs");
        assertThat(sift.getAppenderTracker().find("app:1")).isExactlyInstanceOf(FileAppender.class);
    }

    static Stream<Arguments> invalidAppenders() {
        return Stream.of(
                arguments("no logPath", "archive: true",
                        "logging.appenders[0].logPath must name the folder for instance logs"),
                arguments("size limit without %i", "logPath: /tmp/x\narchivedLogFileSuffix: '%d'\nmaxFileSize: 1GiB",
                        "archivedLogFileSuffix must contain %i when maxFileSize is set"),
                arguments("%i without a size limit", "logPath: /tmp/x\narchivedLogFileSuffix: '%i'",
                        "archivedLogFileSuffix must contain %d unless maxFileSize is set"),
                arguments("total size cap on a fixed window",
                        "logPath: /tmp/x\narchivedLogFileSuffix: '%i'\nmaxFileSize: 1MB\ntotalSizeCap: 1GB",
                        "totalSizeCap needs a time-based archivedLogFileSuffix (with %d)"),
                arguments("negative archive count", "logPath: /tmp/x\narchivedFileCount: -1",
                        "logging.appenders[0].archivedFileCount must be 0 (keep all) or more"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidAppenders")
    void aBrokenAppenderStopsTheExecutorWithAClearMessage(String name, String settings, String error) {
        String yaml = "logging:\n  appenders:\n    - type: drove\n" + settings.lines()
                .map(line -> "      " + line + "\n")
                .collect(Collectors.joining());
        assertThatThrownBy(() -> DroveAppenders.bindConfig(yaml))
                .isInstanceOf(ConfigurationValidationException.class)
                .hasMessageContaining(error);
    }

    private static DroveAppenderFactory appenderAt(Path logs, String suffix) {
        DroveAppenderFactory factory = new DroveAppenderFactory();
        factory.setLogPath(logs.toString());
        factory.setArchivedLogFileSuffix(suffix);
        factory.setLogFormat("%level | %message%n");
        return factory;
    }

    private Logger start(DroveAppenderFactory factory) {
        appender = DroveAppenders.build(factory, context);
        Logger logger = context.getLogger("instance-output");
        logger.setLevel(Level.ALL);
        logger.addAppender(appender);
        return logger;
    }

    private static void logAs(String instanceLogId, Logger logger, String line) {
        if (instanceLogId == null) {
            logger.info(line);
            return;
        }
        MDC.put(InstanceLogId.MDC_KEY, instanceLogId);
        try {
            logger.info(line);
        } finally {
            MDC.remove(InstanceLogId.MDC_KEY);
        }
    }
}
