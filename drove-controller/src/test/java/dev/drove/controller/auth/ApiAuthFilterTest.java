package dev.drove.controller.auth;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.drove.common.testkit.ZookeeperExtension;
import dev.drove.controller.auth.UserAuthConfig.PasswordEncoding;
import dev.drove.controller.auth.UserAuthConfig.User;
import dev.drove.controller.statestore.ZkInstanceStore;
import dev.drove.controller.statestore.ZkLocalServiceInstanceStore;
import dev.drove.models.instance.InstanceState;
import dev.drove.models.instance.LocalServiceInstanceInfo;
import dev.drove.models.instance.LocalServiceInstanceState;
import org.apache.curator.framework.CuratorFramework;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;

import java.util.Date;
import java.util.List;
import java.util.Map;

import static dev.drove.controller.auth.AccessTableTest.healthy;
import static dev.drove.controller.auth.AuthServer.basic;
import static org.assertj.core.api.Assertions.assertThat;

/** How {@link ApiAuthFilter} answers and logs beyond the access table: modes, messages, token life, audit. */
@ExtendWith(ZookeeperExtension.class)
class ApiAuthFilterTest {
    private static final String TOKEN_HEADER = ApiAuthFilter.INSTANCE_AUTHORIZATION;
    private AuthServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private static String appToken(String appId, String appName, String instanceId) {
        return AuthServer.TOKENS.forApplication(appId, appName, instanceId, "exec-1");
    }

    @Test
    void aCallWithoutValidCredentialsGets401WithABasicChallengeAndTheEnvelope(CuratorFramework curator) {
        server = AuthServer.probing(AccessTableTest.USERS, false, curator);

        for (var headers : List.of(Map.<String, String>of(), Map.of("Authorization", basic("guest", "nope")))) {
            var answer = server.get("/apis/v1/applications", headers);

            assertThat(answer.status()).isEqualTo(401);
            assertThat(answer.headers().get("WWW-Authenticate")).containsExactly("Basic realm=\"drove\"");
            assertThat(answer.json().get("status").asText()).isEqualTo("FAILED");
            assertThat(answer.message()).isNotBlank();
        }
    }

    @Test
    void aRefusalNamesTheRoleTheCallerLacks(CuratorFramework curator) {
        server = AuthServer.probing(AccessTableTest.USERS, false, curator);

        var scale = server.call("POST", "/apis/v1/applications/operations",
                Map.of("Authorization", basic("guest", "guest")));
        var maintenance = server.call("POST", "/apis/v1/cluster/maintenance/set",
                Map.of("Authorization", basic("writer", "writer")));
        var logs = server.get("/apis/v1/logfiles/applications/A-1/AI-1/list",
                Map.of("Authorization", basic("viewer", "viewer")));

        assertThat(scale.status()).isEqualTo(403);
        assertThat(scale.message()).isEqualTo("user guest (EXTERNAL_READ_ONLY) may not call POST "
                + "/apis/v1/applications/operations: it needs role EXTERNAL_READ_WRITE or EXTERNAL_ROOT");
        assertThat(maintenance.message()).endsWith("it needs role DROVE_EXTERNAL_MAINTENANCE or EXTERNAL_ROOT");
        assertThat(logs.message()).startsWith("user viewer (no role) may not call")
                .endsWith("it needs role EXTERNAL_READ_ONLY or EXTERNAL_READ_WRITE or EXTERNAL_ROOT");
    }

    @Test
    void anInstanceIsToldItReachesOnlyItsOwnApp(CuratorFramework curator) {
        server = AuthServer.probing(AccessTableTest.USERS, false, curator);
        new ZkInstanceStore(curator).save(healthy("TEST_APP-1", "TEST_APP", "AI-1"));
        var token = Map.of(TOKEN_HEADER, appToken("TEST_APP-1", "TEST_APP", "AI-1"));

        var other = server.get("/apis/v1/applications/OTHER_APP-1/spec", token);
        var cluster = server.get("/apis/v1/cluster", token);

        assertThat(other.status()).isEqualTo(403);
        assertThat(other.message()).isEqualTo("instance AI-1 of app TEST_APP-1 may not call GET "
                + "/apis/v1/applications/OTHER_APP-1/spec: appId OTHER_APP-1 is not its own");
        assertThat(cluster.status()).isEqualTo(403);
        assertThat(cluster.message()).contains("an instance token reaches only its own application");
    }

    @Test
    void aTokenWorksWhileItsInstanceRunsAndIsRefusedOnceItStoppedOrWasForgotten(CuratorFramework curator) {
        server = AuthServer.probing(AccessTableTest.USERS, false, curator);
        var instances = new ZkInstanceStore(curator);
        var token = Map.of(TOKEN_HEADER, appToken("TEST_APP-1", "TEST_APP", "AI-1"));
        var running = healthy("TEST_APP-1", "TEST_APP", "AI-1");

        instances.save(running);
        assertThat(server.get("/apis/v1/applications/TEST_APP-1", token).status()).isEqualTo(200);

        instances.save(new dev.drove.models.instance.InstanceInfo(running.appId(), running.appName(),
                running.instanceId(), running.executorId(), null, List.of(), InstanceState.STOPPED, Map.of(), "",
                running.created(), new Date()));
        var stopped = server.get("/apis/v1/applications/TEST_APP-1", token);
        assertThat(stopped.status()).isEqualTo(401);
        assertThat(stopped.message()).isEqualTo("Instance token refused: instance AI-1 of app TEST_APP-1 is "
                + "STOPPED; a token is valid only while its instance runs");

        instances.delete("TEST_APP-1", "AI-1");
        assertThat(server.get("/apis/v1/applications/TEST_APP-1", token).message())
                .contains("is not known to the cluster");
    }

    @Test
    void aLocalServiceInstanceReadsItsOwnServiceOnly(CuratorFramework curator) {
        server = AuthServer.probing(AccessTableTest.USERS, false, curator);
        new ZkLocalServiceInstanceStore(curator).save(new LocalServiceInstanceInfo("LS-1", "LS", "SI-1", "exec-1",
                null, List.of(), LocalServiceInstanceState.HEALTHY, Map.of(), "", new Date(), new Date()));
        var token = Map.of(TOKEN_HEADER, AuthServer.TOKENS.forLocalService("LS-1", "LS", "SI-1", "exec-1"));

        assertThat(server.get("/apis/v1/localservices/LS-1/instances", token).status()).isEqualTo(200);
        assertThat(server.get("/apis/v1/localservices/LS-2/instances", token).status()).isEqualTo(403);
        assertThat(server.get("/apis/v1/applications/LS-1", token).status()).isEqualTo(403);
        assertThat(server.get("/apis/v1/internal/instances", token).status()).isEqualTo(200);
    }

    @Test
    void withDisableReadAuthReadsNeedNoCredentialsButWritesAndWrongCredentialsStillDo(CuratorFramework curator) {
        server = AuthServer.probing(AccessTableTest.USERS, true, curator);

        assertThat(server.get("/apis/v1/applications", Map.of()).status()).isEqualTo(200);
        assertThat(server.get("/apis/v1/logfiles/tasks/A/T1/list", Map.of()).status()).isEqualTo(200);
        assertThat(server.call("POST", "/apis/v1/applications/operations", Map.of()).status()).isEqualTo(401);
        assertThat(server.call("POST", "/apis/v1/applications/validate/spec", Map.of()).status()).isEqualTo(401);
        assertThat(server.get("/apis/v1/applications", Map.of("Authorization", basic("guest", "x"))).status())
                .isEqualTo(401);
        assertThat(server.get("/apis/v1/internal/instances", Map.of()).status()).isEqualTo(403);
        assertThat(server.call("POST", "/apis/v1/applications/operations",
                Map.of("Authorization", basic("writer", "writer"))).status()).isEqualTo(200);
    }

    @Test
    void withUserAuthOffEveryoneIsRootButAnInstanceTokenIsStillItsInstance(CuratorFramework curator) {
        server = AuthServer.probing(UserAuthConfig.DISABLED, false, curator);
        new ZkInstanceStore(curator).save(healthy("TEST_APP-1", "TEST_APP", "AI-1"));

        var scale = server.call("POST", "/apis/v1/applications/operations", Map.of());
        assertThat(scale.status()).isEqualTo(200);
        assertThat(scale.json().get("data").asText()).isEqualTo("anonymous");
        assertThat(server.call("POST", "/apis/v1/cluster/maintenance/set", Map.of()).status()).isEqualTo(200);
        assertThat(server.get("/apis/v1/logfiles/tasks/A/T1/list", Map.of()).status()).isEqualTo(200);

        var token = appToken("TEST_APP-1", "TEST_APP", "AI-1");
        assertThat(server.get("/apis/v1/cluster", Map.of(TOKEN_HEADER, token)).status()).isEqualTo(403);
        assertThat(server.get("/apis/v1/cluster", Map.of(TOKEN_HEADER, "forged")).status()).isEqualTo(401);
    }

    @Test
    void refusalsAreLoggedWithUserAndPathNeverThePasswordAndWritesAreAudited(CuratorFramework curator) {
        server = AuthServer.probing(AccessTableTest.USERS, false, curator);
        var logger = (Logger) LoggerFactory.getLogger(ApiAuthFilter.class);
        var lines = new ListAppender<ILoggingEvent>();
        lines.start();
        logger.addAppender(lines);
        logger.setLevel(Level.INFO);
        try {
            server.get("/apis/v1/cluster", Map.of("Authorization", basic("guest", "Secret-Typo-42")));
            server.call("POST", "/apis/v1/cluster/maintenance/set", Map.of("Authorization", basic("guest", "guest")));
            server.call("POST", "/apis/v1/applications/operations", Map.of("Authorization", basic("admin", "admin")));
        } finally {
            logger.detachAppender(lines);
            logger.setLevel(null);
        }

        var messages = lines.list.stream().map(e -> e.getLevel() + " " + e.getFormattedMessage()).toList();
        assertThat(messages).hasSize(3);
        assertThat(messages.get(0)).startsWith("WARN Refused GET /apis/v1/cluster from 127.0.0.1 (guest): "
                + "Wrong user name or password").doesNotContain("Secret-Typo-42");
        assertThat(messages.get(1)).startsWith("WARN Refused user guest (EXTERNAL_READ_ONLY) may not call POST "
                + "/apis/v1/cluster/maintenance/set");
        assertThat(messages.get(2)).isEqualTo("INFO Audit: user admin (EXTERNAL_ROOT) called POST "
                + "/apis/v1/applications/operations");
    }

    @Test
    void userCredentialsOnATokenCallDoNotWidenTheInstance(CuratorFramework curator) {
        server = AuthServer.probing(AccessTableTest.USERS, false, curator);
        new ZkInstanceStore(curator).save(healthy("TEST_APP-1", "TEST_APP", "AI-1"));

        var answer = server.call("POST", "/apis/v1/cluster/maintenance/set", Map.of(
                TOKEN_HEADER, appToken("TEST_APP-1", "TEST_APP", "AI-1"),
                "Authorization", basic("admin", "admin")));

        assertThat(answer.status()).isEqualTo(403);
    }

    @Test
    void aCryptConfiguredUserLogsInWithTheirPassword(CuratorFramework curator) {
        var hash = at.favre.lib.crypto.bcrypt.BCrypt.with(at.favre.lib.crypto.bcrypt.BCrypt.Version.VERSION_2Y)
                .hashToString(4, "admin-password".toCharArray());
        server = AuthServer.probing(new UserAuthConfig(true, PasswordEncoding.CRYPT, null, List.of(
                new User("admin", hash, UserRole.EXTERNAL_READ_WRITE))), false, curator);

        assertThat(server.call("POST", "/apis/v1/applications/operations",
                Map.of("Authorization", basic("admin", "admin-password"))).status()).isEqualTo(200);
        assertThat(server.call("POST", "/apis/v1/applications/operations",
                Map.of("Authorization", basic("admin", hash))).status()).isEqualTo(401);
    }
}
