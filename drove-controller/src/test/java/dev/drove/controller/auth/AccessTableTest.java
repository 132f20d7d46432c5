package dev.drove.controller.auth;

import dev.drove.common.testkit.ZookeeperExtension;
import dev.drove.controller.auth.UserAuthConfig.PasswordEncoding;
import dev.drove.controller.auth.UserAuthConfig.User;
import dev.drove.controller.statestore.ZkInstanceStore;
import dev.drove.models.instance.InstanceInfo;
import dev.drove.models.instance.InstanceState;
import org.apache.curator.framework.CuratorFramework;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Arrays;
import java.util.Date;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static dev.drove.controller.auth.AuthServer.basic;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Contract Appendix A as a table: every controller endpoint, by the access the contract gives it (RW, MNT, LOG, ANY,
 * INST, NODE), called by every kind of caller, answers 200 (auth let it through), 401 or 403. The instance caller is
 * instance AI-1 of TEST_APP-1; rows marked OTHER are reads about something that is not its own.
 */
@ExtendWith(ZookeeperExtension.class)
class AccessTableTest {
    /** How the contract guards an endpoint. */
    enum Access { ANY, OWN_APP, OTHER, RW, RW_OR_INST, MNT, LOG, INST, NODE }

    /** Who calls, and the headers they send. */
    enum Caller { NONE, WRONG_PASSWORD, NO_ROLE, READ_ONLY, READ_WRITE, MAINTENANCE, ROOT, INSTANCE, CLUSTER_NODE }

    /** The expected status per caller, in {@link Caller} order. */
    private static final Map<Access, int[]> EXPECTED = new EnumMap<>(Map.of(
            //                  NONE WRONG NOROLE RO   RW   MNT  ROOT INST NODE
            Access.ANY,        new int[]{401, 401, 200, 200, 200, 200, 200, 403, 401},
            Access.OWN_APP,    new int[]{401, 401, 200, 200, 200, 200, 200, 200, 401},
            Access.OTHER,      new int[]{401, 401, 200, 200, 200, 200, 200, 403, 401},
            Access.RW,         new int[]{401, 401, 403, 403, 200, 403, 200, 403, 401},
            Access.RW_OR_INST, new int[]{401, 401, 403, 403, 200, 403, 200, 200, 401},
            Access.MNT,        new int[]{401, 401, 403, 403, 403, 200, 200, 403, 401},
            Access.LOG,        new int[]{401, 401, 403, 200, 200, 403, 200, 403, 401},
            Access.INST,       new int[]{401, 401, 403, 403, 403, 403, 403, 200, 401},
            Access.NODE,       new int[]{401, 401, 401, 401, 401, 401, 401, 401, 200}));

    record Endpoint(String method, String path, Access access) {
    }

    private static final String LOGS = "/apis/v1/logfiles";
    private static final List<Endpoint> APPENDIX_A = List.of(
            new Endpoint("POST", "/apis/v1/applications/validate/spec", Access.ANY),
            new Endpoint("POST", "/apis/v1/applications/placementpolicy/rule/dryrun", Access.ANY),
            new Endpoint("POST", "/apis/v1/applications/operations", Access.RW),
            new Endpoint("POST", "/apis/v1/applications/operations/TEST_APP-1/cancel", Access.RW),
            new Endpoint("POST", "/apis/v1/operations", Access.RW),
            new Endpoint("POST", "/apis/v1/operations/TEST_APP-1/cancel", Access.RW),
            new Endpoint("GET", "/apis/v1/applications", Access.ANY),
            new Endpoint("GET", "/apis/v1/applications/TEST_APP-1", Access.OWN_APP),
            new Endpoint("GET", "/apis/v1/applications/TEST_APP-1/spec", Access.OWN_APP),
            new Endpoint("GET", "/apis/v1/applications/TEST_APP-1/instances", Access.OWN_APP),
            new Endpoint("GET", "/apis/v1/applications/TEST_APP-1/instances/old", Access.OWN_APP),
            new Endpoint("GET", "/apis/v1/applications/TEST_APP-1/instances/AI-2", Access.OWN_APP),
            new Endpoint("GET", "/apis/v1/applications/OTHER_APP-1", Access.OTHER),
            new Endpoint("GET", "/apis/v1/applications/OTHER_APP-1/spec", Access.OTHER),
            new Endpoint("GET", "/apis/v1/applications/OTHER_APP-1/instances", Access.OTHER),
            new Endpoint("POST", "/apis/v1/localservices/validate/spec", Access.ANY),
            new Endpoint("POST", "/apis/v1/localservices/operations", Access.RW),
            new Endpoint("POST", "/apis/v1/localservices/operations/LS-1/cancel", Access.RW),
            new Endpoint("GET", "/apis/v1/localservices", Access.ANY),
            new Endpoint("GET", "/apis/v1/localservices/LS-1", Access.OTHER),
            new Endpoint("GET", "/apis/v1/localservices/LS-1/spec", Access.OTHER),
            new Endpoint("GET", "/apis/v1/localservices/LS-1/instances", Access.OTHER),
            new Endpoint("GET", "/apis/v1/localservices/LS-1/instances/old", Access.OTHER),
            new Endpoint("GET", "/apis/v1/localservices/LS-1/instances/SI-1", Access.OTHER),
            new Endpoint("POST", "/apis/v1/tasks/validate/spec", Access.ANY),
            new Endpoint("POST", "/apis/v1/tasks/operations", Access.RW_OR_INST),
            new Endpoint("GET", "/apis/v1/tasks", Access.ANY),
            new Endpoint("GET", "/apis/v1/tasks/TEST_APP/instances/T1", Access.OWN_APP),
            new Endpoint("GET", "/apis/v1/tasks/OTHER_APP/instances/T1", Access.OTHER),
            new Endpoint("DELETE", "/apis/v1/tasks/TEST_APP/instances/T1", Access.ANY),
            new Endpoint("POST", "/apis/v1/tasks/search", Access.ANY),
            new Endpoint("GET", "/apis/v1/cluster", Access.ANY),
            new Endpoint("GET", "/apis/v1/cluster/executors", Access.ANY),
            new Endpoint("GET", "/apis/v1/cluster/executors/E1", Access.ANY),
            new Endpoint("POST", "/apis/v1/cluster/maintenance/set", Access.MNT),
            new Endpoint("POST", "/apis/v1/cluster/maintenance/unset", Access.MNT),
            new Endpoint("GET", "/apis/v1/cluster/events", Access.ANY),
            new Endpoint("GET", "/apis/v1/cluster/events/latest", Access.ANY),
            new Endpoint("GET", "/apis/v1/cluster/events/summary", Access.ANY),
            new Endpoint("GET", "/apis/v1/endpoints", Access.ANY),
            new Endpoint("GET", "/apis/v1/endpoints/app/TEST_APP", Access.ANY),
            new Endpoint("GET", "/apis/v1/ping", Access.OWN_APP),
            new Endpoint("GET", LOGS + "/applications/TEST_APP-1/AI-1/list", Access.LOG),
            new Endpoint("GET", LOGS + "/applications/TEST_APP-1/AI-1/read/output.log", Access.LOG),
            new Endpoint("GET", LOGS + "/applications/TEST_APP-1/AI-1/download/output.log", Access.LOG),
            new Endpoint("GET", LOGS + "/tasks/TEST_APP/T1/list", Access.LOG),
            new Endpoint("GET", LOGS + "/tasks/TEST_APP/T1/read/output.log", Access.LOG),
            new Endpoint("GET", LOGS + "/tasks/TEST_APP/T1/download/output.log", Access.LOG),
            new Endpoint("GET", LOGS + "/localservices/LS-1/SI-1/list", Access.LOG),
            new Endpoint("GET", LOGS + "/localservices/LS-1/SI-1/read/output.log", Access.LOG),
            new Endpoint("GET", LOGS + "/localservices/LS-1/SI-1/download/output.log", Access.LOG),
            new Endpoint("POST", "/apis/v1/messages", Access.NODE),
            new Endpoint("GET", "/apis/v1/internal/cluster/resources/reserved", Access.NODE),
            new Endpoint("GET", "/apis/v1/internal/instances", Access.INST));

    static final UserAuthConfig USERS = new UserAuthConfig(true, PasswordEncoding.PLAIN, null, List.of(
            new User("viewer", "viewer", null),
            new User("guest", "guest", UserRole.EXTERNAL_READ_ONLY),
            new User("writer", "writer", UserRole.EXTERNAL_READ_WRITE),
            new User("ops", "ops", UserRole.DROVE_EXTERNAL_MAINTENANCE),
            new User("admin", "admin", UserRole.EXTERNAL_ROOT)));

    private static AuthServer server;
    private static ZkInstanceStore instances;

    @BeforeAll
    static void start(CuratorFramework curator) {
        server = AuthServer.probing(USERS, false, curator);
        instances = new ZkInstanceStore(curator);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @BeforeEach
    void runInstanceAi1() {
        instances.save(healthy("TEST_APP-1", "TEST_APP", "AI-1"));
    }

    static InstanceInfo healthy(String appId, String appName, String instanceId) {
        return new InstanceInfo(appId, appName, instanceId, "exec-1", null, List.of(), InstanceState.HEALTHY,
                Map.of(), "", new Date(), new Date());
    }

    static Map<String, String> headers(Caller caller) {
        return switch (caller) {
            case NONE -> Map.of();
            case WRONG_PASSWORD -> Map.of("Authorization", basic("admin", "Admin"));
            case NO_ROLE -> Map.of("Authorization", basic("viewer", "viewer"));
            case READ_ONLY -> Map.of("Authorization", basic("guest", "guest"));
            case READ_WRITE -> Map.of("Authorization", basic("writer", "writer"));
            case MAINTENANCE -> Map.of("Authorization", basic("ops", "ops"));
            case ROOT -> Map.of("Authorization", basic("admin", "admin"));
            case INSTANCE -> Map.of(ApiAuthFilter.INSTANCE_AUTHORIZATION,
                    AuthServer.TOKENS.forApplication("TEST_APP-1", "TEST_APP", "AI-1", "exec-1"));
            case CLUSTER_NODE -> AuthServer.executorCredentials();
        };
    }

    static Stream<Arguments> rows() {
        return APPENDIX_A.stream().flatMap(endpoint -> Arrays.stream(Caller.values()).map(caller -> {
            int expected = EXPECTED.get(endpoint.access())[caller.ordinal()];
            return Arguments.of("%s %s %s (%s) -> %d".formatted(caller, endpoint.method(), endpoint.path(),
                    endpoint.access(), expected), endpoint, caller, expected);
        }));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void everyEndpointAnswersEveryCallerAsAppendixASays(String row, Endpoint endpoint, Caller caller, int expected) {
        var answer = server.call(endpoint.method(), endpoint.path(), headers(caller));

        assertThat(answer.status()).as("%s: %s", row, answer.json()).isEqualTo(expected);
        assertThat(answer.json().get("status").asText()).isEqualTo(expected == 200 ? "SUCCESS" : "FAILED");
    }

    @org.junit.jupiter.api.Test
    void everyKindOfCallerAndAccessHasARow() {
        assertThat(EXPECTED.keySet()).containsExactlyInAnyOrder(Access.values());
        EXPECTED.values().forEach(row -> assertThat(row).hasSize(Caller.values().length));
        assertThat(APPENDIX_A.stream().map(Endpoint::access).distinct()).containsExactlyInAnyOrder(Access.values());
    }
}
