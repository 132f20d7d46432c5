package dev.drove.executor.logs;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import io.dropwizard.configuration.ConfigurationException;
import io.dropwizard.configuration.ConfigurationFactory;
import io.dropwizard.configuration.DefaultConfigurationFactoryFactory;
import io.dropwizard.core.Configuration;
import io.dropwizard.jackson.Jackson;
import io.dropwizard.logging.common.DefaultLoggingFactory;
import io.dropwizard.logging.common.async.AsyncLoggingEventAppenderFactory;
import io.dropwizard.logging.common.filter.ThresholdLevelFilterFactory;
import io.dropwizard.logging.common.layout.DropwizardLayoutFactory;
import io.dropwizard.validation.BaseValidator;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** Binds {@code logging:} sections the way Dropwizard binds the executor's config file, and builds the appender. */
final class DroveAppenders {
    private static final ConfigurationFactory<Configuration> FACTORY =
            new DefaultConfigurationFactoryFactory<Configuration>()
                    .create(Configuration.class, BaseValidator.newValidator(), Jackson.newObjectMapper(), "dw");

    private DroveAppenders() {
    }

    /** The whole config file; Dropwizard validates it as it would at start-up. */
    static Configuration bindConfig(String yaml) throws IOException, ConfigurationException {
        return FACTORY.build(path -> new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "executor.yml");
    }

    /** The {@code type: drove} appender of the config file's {@code logging.appenders}. */
    static DroveAppenderFactory bind(String yaml) throws IOException, ConfigurationException {
        var logging = (DefaultLoggingFactory) bindConfig(yaml).getLoggingFactory();
        return logging.getAppenders().stream()
                .filter(DroveAppenderFactory.class::isInstance)
                .map(DroveAppenderFactory.class::cast)
                .findFirst()
                .orElseThrow(() -> new AssertionError("No drove appender in " + logging.getAppenders()));
    }

    /** Builds and starts the appender as Dropwizard's logging factory does (async-wrapped, threshold filtered). */
    static Appender<ILoggingEvent> build(DroveAppenderFactory factory, LoggerContext context) {
        return factory.build(context, "drove-executor", new DropwizardLayoutFactory(),
                new ThresholdLevelFilterFactory(), new AsyncLoggingEventAppenderFactory());
    }
}
