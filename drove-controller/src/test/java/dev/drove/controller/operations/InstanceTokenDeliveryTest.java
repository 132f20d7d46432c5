package dev.drove.controller.operations;

import com.auth0.jwt.JWT;
import dev.drove.common.messages.StartInstanceMessage;
import dev.drove.common.testkit.ZookeeperExtension;
import dev.drove.models.instance.InstanceState;
import io.dropwizard.util.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Every START_INSTANCE carries the instance's own signed token (DROVE_APP_INSTANCE_AUTH_TOKEN on the executor). */
class InstanceTokenDeliveryTest {
    @RegisterExtension
    static final ZookeeperExtension ZOOKEEPER = new ZookeeperExtension();
    private static final LifecycleOptions OPTIONS = new LifecycleOptions(Duration.seconds(30), 1, Duration.seconds(1),
            Duration.seconds(2));

    private TestCluster cluster;

    @BeforeEach
    void startCluster() {
        cluster = new TestCluster(ZOOKEEPER.connectString());
    }

    @AfterEach
    void stopCluster() {
        cluster.close();
    }

    @Test
    void eachStartedInstanceGetsATokenNamingItsAppItselfAndItsExecutor() {
        var controller = cluster.controller(OPTIONS);
        await().atMost(java.time.Duration.ofSeconds(20)).until(() -> controller.election().isLeader());
        var executor = cluster.executor(4);
        var engine = controller.engine();
        var appId = engine.submit(TestApps.create("billing", 2));
        await().atMost(java.time.Duration.ofSeconds(20)).until(() -> cluster.count(appId, InstanceState.HEALTHY) == 2);

        var starts = executor.received().stream().filter(StartInstanceMessage.class::isInstance)
                .map(StartInstanceMessage.class::cast).map(StartInstanceMessage::spec).toList();
        assertThat(starts).hasSize(2).allSatisfy(spec -> {
            var token = JWT.decode(spec.instanceAuthToken());
            assertThat(token.getSubject()).isEqualTo(spec.instanceId());
            assertThat(token.getClaim("appId").asString()).isEqualTo(appId);
            assertThat(token.getClaim("appName").asString()).isEqualTo("billing");
            assertThat(token.getClaim("executorId").asString()).isEqualTo(
                    controller.instances().find(appId, spec.instanceId()).orElseThrow().executorId());
        });
        assertThat(starts.get(0).instanceAuthToken()).isNotEqualTo(starts.get(1).instanceAuthToken());
    }
}
