package dev.drove.controller;

import dev.drove.controller.auth.UserAuthConfig.PasswordEncoding;
import dev.drove.controller.auth.UserRole;
import dev.drove.models.info.nodedata.NodeType;
import dev.drove.models.json.Json;
import io.dropwizard.configuration.ConfigurationValidationException;
import io.dropwizard.configuration.EnvironmentVariableSubstitutor;
import io.dropwizard.configuration.FileConfigurationSourceProvider;
import io.dropwizard.configuration.SubstitutingSourceProvider;
import io.dropwizard.configuration.YamlConfigurationFactory;
import io.dropwizard.core.server.DefaultServerFactory;
import io.dropwizard.jackson.Jackson;
import io.dropwizard.jersey.validation.Validators;
import io.dropwizard.jetty.HttpConnectorFactory;
import io.dropwizard.logging.common.ConsoleAppenderFactory;
import io.dropwizard.logging.common.DefaultLoggingFactory;
import io.dropwizard.logging.common.FileAppenderFactory;
import io.dropwizard.util.Duration;
import org.apache.commons.text.lookup.StringLookupFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The shipped production files, config/production/controller.yml and controller.env, bound and validated exactly as
 * the controller does at start (same substitutor, same mapper), with the env file's variables as the environment.
 * Substitution is strict here, so every {@code ${VAR}} without a default must be listed in the env file.
 */
class ProductionConfigTest {
    private static final Path PRODUCTION = productionFolder();

    /** What an operator fills in before the first start; every other variable keeps the env file's value. */
    private static final Map<String, String> OPERATOR_VALUES = Map.of(
            "ZK_CONNECTION_STRING", "192.168.3.10:2181,192.168.3.11:2181,192.168.3.12:2181",
            "DROVE_CONTROLLER_SECRET", "0v8XvJrDc7r86ZY1QCByPTDPninI4Xii",
            "DROVE_EXECUTOR_SECRET", "pOd9sIEXhv0wrGOVc7ebwNvR7twZqyTN",
            "DROVE_INSTANCE_AUTH_SECRET", "bd2SIgz9OMPG2L8wA6zxj21oLVLbuLFC",
            "DROVE_ADMIN_PASSWORD", "$2y$10$pfGnPkYrJEGzasvVNPjRu.IJldV9TDa0Vh.u1UdimILWDuhvapc2O",
            "DROVE_GUEST_PASSWORD", "$2y$10$uCJ7WxIvd13C.1oOTs28p.xpJShGiTWuDLY/sGH9JE8nrkSGBFkc6");

    @Test
    void theShippedConfigLoadsWithTheEnvFileOnceTheOperatorFilledItIn() throws Exception {
        var config = load(filledInEnvironment());

        assertThat(config.getZookeeper().connectionString())
                .isEqualTo("192.168.3.10:2181,192.168.3.11:2181,192.168.3.12:2181");
        assertThat(config.getZookeeper().namespace()).isEqualTo("drove");
        assertThat(config.getClusterAuth().secretFor(NodeType.CONTROLLER)).isEqualTo("0v8XvJrDc7r86ZY1QCByPTDPninI4Xii");
        assertThat(config.getClusterAuth().secretFor(NodeType.EXECUTOR)).isEqualTo("pOd9sIEXhv0wrGOVc7ebwNvR7twZqyTN");
        assertThat(config.getInstanceAuth().secret()).isEqualTo("bd2SIgz9OMPG2L8wA6zxj21oLVLbuLFC");

        var userAuth = config.getUserAuth();
        assertThat(userAuth.enabled()).isTrue();
        assertThat(userAuth.encoding()).isEqualTo(PasswordEncoding.CRYPT);
        assertThat(userAuth.users()).extracting(user -> user.username(), user -> user.role())
                .containsExactly(tuple("admin", UserRole.EXTERNAL_READ_WRITE),
                        tuple("guest", UserRole.EXTERNAL_READ_ONLY));
        assertThat(userAuth.users().get(0).password()).startsWith("$2y$10$pfGn");
    }

    @Test
    void theServiceListensOnTheDocumentedPortsAndLogsToRotatingFilesUnderVarLogDrove() throws Exception {
        var config = load(filledInEnvironment());

        var server = (DefaultServerFactory) config.getServerFactory();
        assertThat(server.getApplicationConnectors()).singleElement()
                .extracting(connector -> ((HttpConnectorFactory) connector).getPort()).isEqualTo(10000);
        assertThat(server.getAdminConnectors()).singleElement()
                .extracting(connector -> ((HttpConnectorFactory) connector).getPort()).isEqualTo(10001);

        var appenders = ((DefaultLoggingFactory) config.getLoggingFactory()).getAppenders();
        var file = appenders.stream().filter(FileAppenderFactory.class::isInstance)
                .map(FileAppenderFactory.class::cast).findFirst().orElseThrow();
        assertThat(file.getCurrentLogFilename()).isEqualTo("/var/log/drove/controller/drove-controller.log");
        assertThat(file.getArchivedLogFilenamePattern()).startsWith("/var/log/drove/controller/");
        assertThat(file.getArchivedFileCount()).isEqualTo(3);
        assertThat(file.getTimeZone().getID()).isEqualTo("UTC");
        var console = appenders.stream().filter(ConsoleAppenderFactory.class::isInstance)
                .map(ConsoleAppenderFactory.class::cast).findFirst().orElseThrow();
        assertThat(console.getThreshold()).as("console is off on bare metal").isEqualTo("OFF");
    }

    @Test
    void everyOptionShownWithItsDefaultHoldsTheBuiltInDefault() throws Exception {
        var options = load(filledInEnvironment()).getOptions();

        var d = ControllerOptions.DEFAULTS;
        assertThat(options).isEqualTo(new ControllerOptions(d.staleCheckInterval(), d.staleAppAge(),
                d.maxStaleInstancesCount(), d.staleInstanceAge(), d.staleTaskAge(), d.maxEventsStorageDuration(),
                d.clusterOpTimeout(), 4, d.auditedHttpMethods(), d.allowedMountDirs(), d.enableRawDeviceAccess(),
                d.disableReadAuth(),
                d.disableCmdlArgs(), d.appMonitorInterval(), d.executorGracePeriod(), d.maintenanceGracePeriod(),
                d.placementStrategy()));
        assertThat(options.staleCheckInterval()).isEqualTo(Duration.hours(1));
        assertThat(options.auditedHttpMethods()).containsExactly("POST", "PUT");
    }

    @Test
    void theConsoleLogCanBeSwitchedOnForContainers() throws Exception {
        var environment = filledInEnvironment();
        environment.put("DROVE_CONSOLE_LOG_LEVEL", "INFO");

        var appenders = ((DefaultLoggingFactory) load(environment).getLoggingFactory()).getAppenders();

        assertThat(appenders).filteredOn(ConsoleAppenderFactory.class::isInstance).singleElement()
                .extracting(appender -> ((ConsoleAppenderFactory<?>) appender).getThreshold()).isEqualTo("INFO");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "ZK_CONNECTION_STRING,    zookeeper.connectionString",
            "DROVE_CONTROLLER_SECRET, clusterAuth.secrets[0].secret",
            "DROVE_EXECUTOR_SECRET,   clusterAuth.secrets[1].secret",
            "DROVE_ADMIN_PASSWORD,    userAuth.users[0].password",
            "DROVE_GUEST_PASSWORD,    userAuth.users[1].password",
    })
    void theControllerRefusesToStartWhileARequiredVariableIsLeftEmpty(String variable, String key)
            throws Exception {
        var environment = filledInEnvironment();
        environment.put(variable, "");

        assertThatThrownBy(() -> load(environment))
                .isInstanceOf(ConfigurationValidationException.class)
                .hasMessageContaining(key);
    }

    @Test
    void theEnvFileAsShippedDoesNotStartAController() throws Exception {
        assertThatThrownBy(() -> load(envFile()))
                .isInstanceOf(ConfigurationValidationException.class)
                .hasMessageContaining("zookeeper.connectionString")
                .hasMessageContaining("clusterAuth.secrets");
    }

    @Test
    void envFileValuesAreUnquotedSoSystemdAndDockerReadThemAlike() throws Exception {
        assertThat(envFile()).isNotEmpty().allSatisfy((name, value) -> assertThat(value)
                .as(name).doesNotStartWith("\"").doesNotStartWith("'"));
        assertThat(envFile()).containsEntry("CONFIG_FILE_PATH", "/etc/drove/controller/controller.yml")
                .containsKeys("JAVA_PROCESS_MIN_HEAP", "JAVA_PROCESS_MAX_HEAP", "JAVA_OPTS");
    }

    private static ControllerConfiguration load(Map<String, String> environment) throws Exception {
        var mapper = Jackson.newObjectMapper();
        Json.configure(mapper);
        // Not the services' "dw" prefix: other tests in this JVM may leave dw.* overrides behind.
        var factory = new YamlConfigurationFactory<>(ControllerConfiguration.class, Validators.newValidator(), mapper,
                "production-config-test");
        var substitutor = new EnvironmentVariableSubstitutor(true);
        substitutor.setVariableResolver(StringLookupFactory.INSTANCE.mapStringLookup(environment));
        return factory.build(new SubstitutingSourceProvider(new FileConfigurationSourceProvider(), substitutor),
                PRODUCTION.resolve("controller.yml").toString());
    }

    private static Map<String, String> filledInEnvironment() throws IOException {
        var environment = envFile();
        OPERATOR_VALUES.forEach((name, value) -> {
            assertThat(environment).as("controller.env lists " + name).containsKey(name);
            environment.put(name, value);
        });
        return environment;
    }

    /** controller.env as docker's --env-file reads it: NAME=value lines, the value taken literally. */
    private static Map<String, String> envFile() throws IOException {
        var variables = new LinkedHashMap<String, String>();
        List<String> lines = Files.readAllLines(PRODUCTION.resolve("controller.env"));
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
    private static Path productionFolder() {
        for (var folder = Path.of("").toAbsolutePath(); folder != null; folder = folder.getParent()) {
            var candidate = folder.resolve("config").resolve("production");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("No config/production above " + Path.of("").toAbsolutePath());
    }
}
