package dev.drove.controller;

import dev.drove.common.testkit.ProductionConfigContract;
import dev.drove.controller.auth.UserAuthConfig.PasswordEncoding;
import dev.drove.controller.auth.UserRole;
import dev.drove.models.info.nodedata.NodeType;
import io.dropwizard.util.Duration;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The shipped config/production/controller.yml and controller.env: what every service's files promise
 * ({@link ProductionConfigContract}), plus the controller's own sections: cluster, instance and user auth, and the
 * options shown with their defaults.
 */
class ProductionConfigTest extends ProductionConfigContract<ControllerConfiguration> {
    ProductionConfigTest() {
        super("controller", ControllerConfiguration.class, 10000, Map.of(
                "ZK_CONNECTION_STRING", "192.168.3.10:2181,192.168.3.11:2181,192.168.3.12:2181",
                "DROVE_CONTROLLER_SECRET", "0v8XvJrDc7r86ZY1QCByPTDPninI4Xii",
                "DROVE_EXECUTOR_SECRET", "pOd9sIEXhv0wrGOVc7ebwNvR7twZqyTN",
                "DROVE_INSTANCE_AUTH_SECRET", "bd2SIgz9OMPG2L8wA6zxj21oLVLbuLFC",
                "DROVE_ADMIN_PASSWORD", "$2y$10$pfGnPkYrJEGzasvVNPjRu.IJldV9TDa0Vh.u1UdimILWDuhvapc2O",
                "DROVE_GUEST_PASSWORD", "$2y$10$uCJ7WxIvd13C.1oOTs28p.xpJShGiTWuDLY/sGH9JE8nrkSGBFkc6"));
    }

    @Override
    protected Map<String, String> requiredVariables() {
        var required = new LinkedHashMap<String, String>();
        required.put("ZK_CONNECTION_STRING", "zookeeper.connectionString");
        required.put("DROVE_CONTROLLER_SECRET", "clusterAuth.secrets[0].secret");
        required.put("DROVE_EXECUTOR_SECRET", "clusterAuth.secrets[1].secret");
        required.put("DROVE_ADMIN_PASSWORD", "userAuth.users[0].password");
        required.put("DROVE_GUEST_PASSWORD", "userAuth.users[1].password");
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
}
