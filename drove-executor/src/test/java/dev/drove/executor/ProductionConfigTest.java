package dev.drove.executor;

import dev.drove.executor.engine.ExecutorOptions;
import dev.drove.executor.logs.DroveAppenderFactory;
import dev.drove.executor.topology.ResourceConfig;
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
import io.dropwizard.logging.common.DefaultLoggingFactory;
import io.dropwizard.logging.common.FileAppenderFactory;
import io.dropwizard.util.DataSize;
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

/**
 * The shipped production files, config/production/executor.yml and executor.env, bound and validated exactly as the
 * executor does at start (same substitutor, same mapper, the {@code drove} appender registered), with the env file's
 * variables as the environment. Substitution is strict here, so every {@code ${VAR}} without a default must be listed
 * in the env file.
 */
class ProductionConfigTest {
    private static final Path PRODUCTION = productionFolder();

    /** What an operator fills in before the first start; every other variable keeps the env file's value. */
    private static final Map<String, String> OPERATOR_VALUES = Map.of(
            "ZK_CONNECTION_STRING", "192.168.3.10:2181,192.168.3.11:2181,192.168.3.12:2181",
            "DROVE_CONTROLLER_SECRET", "0v8XvJrDc7r86ZY1QCByPTDPninI4Xii",
            "DROVE_EXECUTOR_SECRET", "pOd9sIEXhv0wrGOVc7ebwNvR7twZqyTN");

    @Test
    void theShippedConfigLoadsWithTheEnvFileOnceTheOperatorFilledItIn() throws Exception {
        var config = load(filledInEnvironment());

        assertThat(config.getZookeeper().connectionString())
                .isEqualTo("192.168.3.10:2181,192.168.3.11:2181,192.168.3.12:2181");
        assertThat(config.getZookeeper().namespace()).isEqualTo("drove");
        assertThat(config.getClusterAuth().secretFor(NodeType.CONTROLLER)).isEqualTo("0v8XvJrDc7r86ZY1QCByPTDPninI4Xii");
        assertThat(config.getClusterAuth().secretFor(NodeType.EXECUTOR)).isEqualTo("pOd9sIEXhv0wrGOVc7ebwNvR7twZqyTN");
        assertThat(config.getOptions().hostname()).as("empty: the machine's hostname").isNull();
    }

    @Test
    void theServiceListensOnTheDocumentedPortsAndLogsToRotatingFilesUnderVarLogDrove() throws Exception {
        var config = load(filledInEnvironment());

        var server = (DefaultServerFactory) config.getServerFactory();
        assertThat(server.getApplicationConnectors()).singleElement()
                .extracting(connector -> ((HttpConnectorFactory) connector).getPort()).isEqualTo(11000);
        assertThat(server.getAdminConnectors()).singleElement()
                .extracting(connector -> ((HttpConnectorFactory) connector).getPort()).isEqualTo(11001);

        var appenders = ((DefaultLoggingFactory) config.getLoggingFactory()).getAppenders();
        var file = appenders.stream().filter(FileAppenderFactory.class::isInstance)
                .map(FileAppenderFactory.class::cast).findFirst().orElseThrow();
        assertThat(file.getCurrentLogFilename()).isEqualTo("/var/log/drove/executor/drove-executor.log");
        assertThat(file.getArchivedLogFilenamePattern()).startsWith("/var/log/drove/executor/");
        assertThat(file.getArchivedFileCount()).isEqualTo(3);
    }

    @Test
    void instanceLogsGoToTheirOwnRotatingFilesUnderInstanceLogs() throws Exception {
        var appenders = ((DefaultLoggingFactory) load(filledInEnvironment()).getLoggingFactory()).getAppenders();

        var drove = appenders.stream().filter(DroveAppenderFactory.class::isInstance)
                .map(DroveAppenderFactory.class::cast).findFirst().orElseThrow();
        assertThat(drove.getLogPath()).isEqualTo("/var/log/drove/executor/instance-logs");
        assertThat(drove.isArchive()).isTrue();
        assertThat(drove.getArchivedLogFileSuffix()).isEqualTo("%d-%i");
        assertThat(drove.getMaxFileSize()).isEqualTo(DataSize.gibibytes(1));
        assertThat(drove.isImmediateFlush()).isTrue();
    }

    @Test
    void everyResourceAndOptionShownWithItsDefaultHoldsTheBuiltInDefault() throws Exception {
        var config = load(filledInEnvironment());

        var resources = ResourceConfig.DEFAULTS;
        assertThat(config.getResources()).isEqualTo(new ResourceConfig(resources.osCores(), 90,
                resources.disableNUMAPinning(), resources.enableNvidiaGpu(), resources.tags(),
                resources.overProvisioning()));
        assertThat(config.getOptions()).as("the documented defaults, images cached")
                .isEqualTo(ExecutorOptions.DEFAULTS);
    }

    @Test
    void hostSpecificResourcesComeFromTheEnvFile() throws Exception {
        var environment = filledInEnvironment();
        environment.put("DROVE_OS_CORES", "0,1,2,3");
        environment.put("DROVE_DISABLE_NUMA_PINNING", "true");
        environment.put("DROVE_ENABLE_NVIDIA_GPU", "true");
        environment.put("DROVE_EXECUTOR_HOSTNAME", "executor-1.internal");

        var config = load(environment);

        assertThat(config.getResources().osCores()).containsExactly(0, 1, 2, 3);
        assertThat(config.getResources().disableNUMAPinning()).isTrue();
        assertThat(config.getResources().enableNvidiaGpu()).isTrue();
        assertThat(config.getOptions().hostname()).isEqualTo("executor-1.internal");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "ZK_CONNECTION_STRING,    zookeeper.connectionString",
            "DROVE_CONTROLLER_SECRET, clusterAuth.secrets[0].secret",
            "DROVE_EXECUTOR_SECRET,   clusterAuth.secrets[1].secret",
    })
    void theExecutorRefusesToStartWhileARequiredVariableIsLeftEmpty(String variable, String key) throws Exception {
        var environment = filledInEnvironment();
        environment.put(variable, "");

        assertThatThrownBy(() -> load(environment))
                .isInstanceOf(ConfigurationValidationException.class)
                .hasMessageContaining(key);
    }

    @Test
    void theEnvFileAsShippedDoesNotStartAnExecutor() throws Exception {
        assertThatThrownBy(() -> load(envFile()))
                .isInstanceOf(ConfigurationValidationException.class)
                .hasMessageContaining("zookeeper.connectionString")
                .hasMessageContaining("clusterAuth.secrets");
    }

    @Test
    void envFileValuesAreUnquotedSoSystemdAndDockerReadThemAlike() throws Exception {
        assertThat(envFile()).isNotEmpty().allSatisfy((name, value) -> assertThat(value)
                .as(name).doesNotStartWith("\"").doesNotStartWith("'"));
        assertThat(envFile()).containsEntry("CONFIG_FILE_PATH", "/etc/drove/executor/executor.yml")
                .containsKeys("JAVA_PROCESS_MIN_HEAP", "JAVA_PROCESS_MAX_HEAP", "JAVA_OPTS");
    }

    private static ExecutorConfiguration load(Map<String, String> environment) throws Exception {
        var mapper = Jackson.newObjectMapper();
        Json.configure(mapper);
        // Not the services' "dw" prefix: other tests in this JVM may leave dw.* overrides behind.
        var factory = new YamlConfigurationFactory<>(ExecutorConfiguration.class, Validators.newValidator(), mapper,
                "production-config-test");
        var substitutor = new EnvironmentVariableSubstitutor(true);
        substitutor.setVariableResolver(StringLookupFactory.INSTANCE.mapStringLookup(environment));
        return factory.build(new SubstitutingSourceProvider(new FileConfigurationSourceProvider(), substitutor),
                PRODUCTION.resolve("executor.yml").toString());
    }

    private static Map<String, String> filledInEnvironment() throws IOException {
        var environment = envFile();
        OPERATOR_VALUES.forEach((name, value) -> {
            assertThat(environment).as("executor.env lists " + name).containsKey(name);
            environment.put(name, value);
        });
        return environment;
    }

    /** executor.env as docker's --env-file reads it: NAME=value lines, the value taken literally. */
    private static Map<String, String> envFile() throws IOException {
        var variables = new LinkedHashMap<String, String>();
        List<String> lines = Files.readAllLines(PRODUCTION.resolve("executor.env"));
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
