package dev.drove.executor;

import dev.drove.common.testkit.ProductionConfigContract;
import dev.drove.executor.engine.ExecutorOptions;
import dev.drove.executor.logs.DroveAppenderFactory;
import dev.drove.executor.topology.ResourceConfig;
import dev.drove.models.info.nodedata.NodeType;
import io.dropwizard.logging.common.DefaultLoggingFactory;
import io.dropwizard.util.DataSize;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shipped config/production/executor.yml and executor.env: what every service's files promise
 * ({@link ProductionConfigContract}; the {@code drove} appender registers itself through Dropwizard's service
 * loader), plus the executor's own sections: instance log files, resources and options.
 */
class ProductionConfigTest extends ProductionConfigContract<ExecutorConfiguration> {
    ProductionConfigTest() {
        super("executor", ExecutorConfiguration.class, 11000, Map.of(
                "ZK_CONNECTION_STRING", "192.168.3.10:2181,192.168.3.11:2181,192.168.3.12:2181",
                "DROVE_CONTROLLER_SECRET", "0v8XvJrDc7r86ZY1QCByPTDPninI4Xii",
                "DROVE_EXECUTOR_SECRET", "pOd9sIEXhv0wrGOVc7ebwNvR7twZqyTN"));
    }

    @Override
    protected Map<String, String> requiredVariables() {
        var required = new LinkedHashMap<String, String>();
        required.put("ZK_CONNECTION_STRING", "zookeeper.connectionString");
        required.put("DROVE_CONTROLLER_SECRET", "clusterAuth.secrets[0].secret");
        required.put("DROVE_EXECUTOR_SECRET", "clusterAuth.secrets[1].secret");
        return required;
    }

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
}
