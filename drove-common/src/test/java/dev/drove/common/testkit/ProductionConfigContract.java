package dev.drove.common.testkit;

import dev.drove.models.json.Json;
import io.dropwizard.configuration.ConfigurationValidationException;
import io.dropwizard.configuration.EnvironmentVariableSubstitutor;
import io.dropwizard.configuration.FileConfigurationSourceProvider;
import io.dropwizard.configuration.SubstitutingSourceProvider;
import io.dropwizard.configuration.YamlConfigurationFactory;
import io.dropwizard.core.Configuration;
import io.dropwizard.core.server.DefaultServerFactory;
import io.dropwizard.jackson.Jackson;
import io.dropwizard.jersey.validation.Validators;
import io.dropwizard.jetty.HttpConnectorFactory;
import io.dropwizard.logging.common.ConsoleAppenderFactory;
import io.dropwizard.logging.common.DefaultLoggingFactory;
import io.dropwizard.logging.common.FileAppenderFactory;
import org.apache.commons.text.lookup.StringLookupFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What every Drove service's shipped production files promise, config/production/{service}.yml and {service}.env,
 * bound and validated exactly as the service does at start (same substitutor, same mapper), with the env file's
 * variables as the environment. Substitution is strict here, so every {@code ${VAR}} without a default must be listed
 * in the env file.
 *
 * <p>Checked for every service: the documented ports (application port and the next one for admin), rotating log
 * files under /var/log/drove/{service} in UTC, the console log off on bare metal but switchable for containers, the
 * service refusing to start while a required variable is empty or the env file is as shipped, and env values unquoted
 * so systemd and docker read them alike. A service's test extends this, names what the operator fills in and which
 * config key each required variable feeds, and adds what only that service's file holds.
 *
 * @param <C> the service's Dropwizard configuration class
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class ProductionConfigContract<C extends Configuration> {
    private static final Path PRODUCTION = productionFolder();

    private final String service;
    private final Class<C> type;
    private final int applicationPort;
    private final Map<String, String> operatorValues;

    /**
     * @param service         "controller" or "executor": the files config/production/{service}.yml and .env
     * @param type            the configuration class the service binds
     * @param applicationPort the documented API port; admin is the next one
     * @param operatorValues  what an operator fills in before the first start; every other variable keeps the env
     *                        file's value
     */
    protected ProductionConfigContract(String service, Class<C> type, int applicationPort,
                                       Map<String, String> operatorValues) {
        this.service = service;
        this.type = type;
        this.applicationPort = applicationPort;
        this.operatorValues = Map.copyOf(operatorValues);
    }

    /** Each variable the service cannot start without, with the config key a refusal must name. */
    protected abstract Map<String, String> requiredVariables();

    @Test
    void theServiceListensOnTheDocumentedPortsAndLogsToRotatingFilesUnderVarLogDrove() throws Exception {
        var config = load(filledInEnvironment());

        var server = (DefaultServerFactory) config.getServerFactory();
        assertThat(server.getApplicationConnectors()).singleElement()
                .extracting(connector -> ((HttpConnectorFactory) connector).getPort()).isEqualTo(applicationPort);
        assertThat(server.getAdminConnectors()).singleElement()
                .extracting(connector -> ((HttpConnectorFactory) connector).getPort()).isEqualTo(applicationPort + 1);

        var appenders = ((DefaultLoggingFactory) config.getLoggingFactory()).getAppenders();
        var file = appenders.stream().filter(FileAppenderFactory.class::isInstance)
                .map(FileAppenderFactory.class::cast).findFirst().orElseThrow();
        var folder = "/var/log/drove/" + service + "/";
        assertThat(file.getCurrentLogFilename()).isEqualTo(folder + "drove-" + service + ".log");
        assertThat(file.getArchivedLogFilenamePattern()).startsWith(folder);
        assertThat(file.getArchivedFileCount()).isEqualTo(3);
        assertThat(file.getTimeZone().getID()).isEqualTo("UTC");
        var console = appenders.stream().filter(ConsoleAppenderFactory.class::isInstance)
                .map(ConsoleAppenderFactory.class::cast).findFirst().orElseThrow();
        assertThat(console.getThreshold()).as("console is off on bare metal").isEqualTo("OFF");
    }

    @Test
    void theConsoleLogCanBeSwitchedOnForContainers() throws Exception {
        var environment = filledInEnvironment();
        environment.put("DROVE_CONSOLE_LOG_LEVEL", "INFO");

        var appenders = ((DefaultLoggingFactory) load(environment).getLoggingFactory()).getAppenders();

        assertThat(appenders).filteredOn(ConsoleAppenderFactory.class::isInstance).singleElement()
                .extracting(appender -> ((ConsoleAppenderFactory<?>) appender).getThreshold()).isEqualTo("INFO");
    }

    Stream<Arguments> requiredVariableRows() {
        return requiredVariables().entrySet().stream()
                .map(entry -> Arguments.of(entry.getKey(), entry.getValue()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("requiredVariableRows")
    void theServiceRefusesToStartWhileARequiredVariableIsLeftEmpty(String variable, String key) throws Exception {
        var environment = filledInEnvironment();
        environment.put(variable, "");

        assertThatThrownBy(() -> load(environment))
                .isInstanceOf(ConfigurationValidationException.class)
                .hasMessageContaining(key);
    }

    @Test
    void theEnvFileAsShippedDoesNotStartTheService() {
        assertThatThrownBy(() -> load(envFile()))
                .isInstanceOf(ConfigurationValidationException.class)
                .hasMessageContaining("zookeeper.connectionString")
                .hasMessageContaining("clusterAuth.secrets");
    }

    @Test
    void envFileValuesAreUnquotedSoSystemdAndDockerReadThemAlike() throws Exception {
        assertThat(envFile()).isNotEmpty().allSatisfy((name, value) -> assertThat(value)
                .as(name).doesNotStartWith("\"").doesNotStartWith("'"));
        assertThat(envFile()).containsEntry("CONFIG_FILE_PATH", "/etc/drove/%s/%s.yml".formatted(service, service))
                .containsKeys("JAVA_PROCESS_MIN_HEAP", "JAVA_PROCESS_MAX_HEAP", "JAVA_OPTS");
    }

    /** Binds and validates {service}.yml with {@code environment} as the only variables. */
    protected C load(Map<String, String> environment) throws Exception {
        var mapper = Jackson.newObjectMapper();
        Json.configure(mapper);
        // Not the services' "dw" prefix: other tests in this JVM may leave dw.* overrides behind.
        var factory = new YamlConfigurationFactory<>(type, Validators.newValidator(), mapper,
                "production-config-test");
        var substitutor = new EnvironmentVariableSubstitutor(true);
        substitutor.setVariableResolver(StringLookupFactory.INSTANCE.mapStringLookup(environment));
        return factory.build(new SubstitutingSourceProvider(new FileConfigurationSourceProvider(), substitutor),
                PRODUCTION.resolve(service + ".yml").toString());
    }

    /** The env file with the operator's values filled in; each of them must be listed there. */
    protected Map<String, String> filledInEnvironment() throws IOException {
        var environment = envFile();
        operatorValues.forEach((name, value) -> {
            assertThat(environment).as(service + ".env lists " + name).containsKey(name);
            environment.put(name, value);
        });
        return environment;
    }

    /** {service}.env as docker's --env-file reads it: NAME=value lines, the value taken literally. */
    protected Map<String, String> envFile() throws IOException {
        return readEnvFile(service);
    }

    /** config/production/{service}.env as docker's --env-file reads it, for other tests of the shipped files. */
    public static Map<String, String> readEnvFile(String service) throws IOException {
        var variables = new LinkedHashMap<String, String>();
        List<String> lines = Files.readAllLines(PRODUCTION.resolve(service + ".env"));
        for (var line : lines) {
            var trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            var equals = trimmed.indexOf('=');
            assertThat(equals).as("assignment: " + line).isPositive();
            variables.put(trimmed.substring(0, equals), trimmed.substring(equals + 1));
        }
        return variables;
    }

    /** config/production of this checkout, found from the module folder the tests run in. */
    public static Path productionFolder() {
        for (var folder = Path.of("").toAbsolutePath(); folder != null; folder = folder.getParent()) {
            var candidate = folder.resolve("config").resolve("production");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("No config/production above " + Path.of("").toAbsolutePath());
    }
}
