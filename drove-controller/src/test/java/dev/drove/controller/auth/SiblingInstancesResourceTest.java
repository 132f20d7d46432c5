package dev.drove.controller.auth;

import dev.drove.common.testkit.ZookeeperExtension;
import dev.drove.controller.statestore.ZkInstanceStore;
import dev.drove.controller.statestore.ZkLocalServiceInstanceStore;
import dev.drove.models.instance.InstanceInfo;
import dev.drove.models.instance.InstanceState;
import org.apache.curator.framework.CuratorFramework;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;

import static dev.drove.controller.auth.AuthServer.basic;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code GET /apis/v1/internal/instances}: what Drove's discovery clients call with their instance token. */
@ExtendWith(ZookeeperExtension.class)
class SiblingInstancesResourceTest {
    private AuthServer server;
    private ZkInstanceStore instances;

    @BeforeEach
    void start(CuratorFramework curator) {
        instances = new ZkInstanceStore(curator);
        server = AuthServer.serving(AccessTableTest.USERS, curator,
                new SiblingInstancesResource(instances, new ZkLocalServiceInstanceStore(curator)));
        instances.save(instance("TEST_APP-1", "AI-1", InstanceState.HEALTHY, 1));
        instances.save(instance("TEST_APP-1", "AI-2", InstanceState.HEALTHY, 2));
        instances.save(instance("TEST_APP-1", "AI-3", InstanceState.UNHEALTHY, 3));
        instances.save(instance("OTHER_APP-1", "AI-9", InstanceState.HEALTHY, 4));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private static InstanceInfo instance(String appId, String instanceId, InstanceState state, long created) {
        return new InstanceInfo(appId, appId.substring(0, appId.lastIndexOf('-')), instanceId, "exec-1", null,
                List.of(), state, Map.of(), "", new Date(created), new Date(created));
    }

    private static Map<String, String> tokenOf(String instanceId) {
        return Map.of(ApiAuthFilter.INSTANCE_AUTHORIZATION,
                AuthServer.TOKENS.forApplication("TEST_APP-1", "TEST_APP", instanceId, "exec-1"));
    }

    private static List<String> ids(AuthServer.Answer answer) {
        var ids = new ArrayList<String>();
        answer.json().get("data").forEach(node -> ids.add(node.get("instanceId").asText()));
        return ids;
    }

    @Test
    void anInstanceGetsTheHealthyInstancesOfItsOwnAppOldestFirst() {
        var answer = server.get("/apis/v1/internal/instances", tokenOf("AI-1"));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().get("status").asText()).isEqualTo("SUCCESS");
        assertThat(ids(answer)).containsExactly("AI-1", "AI-2");
    }

    @Test
    void theStateParameterChoosesOtherStatesAndForAppMayNameOnlyItsOwnApp() {
        assertThat(ids(server.get("/apis/v1/internal/instances?state=UNHEALTHY&state=HEALTHY", tokenOf("AI-2"))))
                .containsExactly("AI-1", "AI-2", "AI-3");
        assertThat(ids(server.get("/apis/v1/internal/instances?forApp=TEST_APP", tokenOf("AI-2"))))
                .containsExactly("AI-1", "AI-2");
        assertThat(server.get("/apis/v1/internal/instances?forApp=OTHER_APP", tokenOf("AI-2")).status())
                .isEqualTo(403);
        assertThat(server.get("/apis/v1/internal/instances?state=SLEEPING", tokenOf("AI-2")).status())
                .isEqualTo(400);
    }

    @Test
    void usersCannotCallIt() {
        var answer = server.get("/apis/v1/internal/instances", Map.of("Authorization", basic("admin", "admin")));

        assertThat(answer.status()).isEqualTo(403);
        assertThat(answer.message()).endsWith("only instances may, with their App-Instance-Authorization token");
    }
}
