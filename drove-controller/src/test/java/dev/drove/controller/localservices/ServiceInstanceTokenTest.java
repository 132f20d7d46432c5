package dev.drove.controller.localservices;

import com.auth0.jwt.JWT;
import dev.drove.common.testkit.ZookeeperExtension;
import dev.drove.controller.auth.InstanceAuthConfig;
import dev.drove.controller.auth.InstanceTokens;
import dev.drove.controller.operations.LifecycleOptions;
import dev.drove.controller.scheduler.ClusterResources;
import dev.drove.controller.scheduler.Scheduler;
import dev.drove.controller.statestore.ZkLocalServiceInstanceStore;
import dev.drove.controller.statestore.ZkLocalServiceStore;
import dev.drove.models.localservice.LocalServiceState;
import dev.drove.models.operation.LocalServiceActivateOperation;
import io.dropwizard.util.Duration;
import org.apache.curator.framework.CuratorFramework;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.Random;

import static dev.drove.controller.localservices.TestServices.SERVICE_ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Every local service instance is started with its own signed token (DROVE_APP_INSTANCE_AUTH_TOKEN). */
@ExtendWith(ZookeeperExtension.class)
class ServiceInstanceTokenTest {

    @Test
    void eachStartedServiceInstanceGetsATokenNamingItsServiceItselfAndItsExecutor(CuratorFramework curator) {
        var services = new ZkLocalServiceStore(curator);
        var resources = new ClusterResources();
        var scheduler = new Scheduler(resources, new Random(7));
        var executors = new FakeServiceExecutors(resources);
        var reservations = new ServiceReservations(services, resources);
        scheduler.reserveWith(reservations);
        var states = new ServiceInstanceStates(new ZkLocalServiceInstanceStore(curator), services);
        var tokens = InstanceTokens.of(new InstanceAuthConfig("service-token-test-secret"));
        try (var engine = new LocalServiceEngine(services, states,
                new ServiceInstanceActions(scheduler, states, executors, tokens), reservations,
                new LifecycleOptions(Duration.seconds(2), 2, Duration.milliseconds(100), null))) {
            executors.reportTo(engine::report);
            engine.leadershipAcquired();
            var host = executors.add("h1");
            engine.submit(TestServices.create(1));

            engine.submit(new LocalServiceActivateOperation(SERVICE_ID));
            await().atMost(java.time.Duration.ofSeconds(10))
                    .until(() -> engine.state(SERVICE_ID).orElseThrow() == LocalServiceState.ACTIVE);

            assertThat(executors.started()).hasSize(1).allSatisfy(spec -> {
                var token = JWT.decode(spec.instanceAuthToken());
                assertThat(token.getSubject()).isEqualTo(spec.instanceId());
                assertThat(token.getClaim("serviceId").asString()).isEqualTo(SERVICE_ID);
                assertThat(token.getClaim("serviceName").asString()).isEqualTo(TestServices.NAME);
                assertThat(token.getClaim("executorId").asString()).isEqualTo(host);
            });
        }
    }
}
