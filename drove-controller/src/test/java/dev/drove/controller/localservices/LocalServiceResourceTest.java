package dev.drove.controller.localservices;

import dev.drove.common.errors.ApiException;
import dev.drove.common.errors.CommandValidationException;
import dev.drove.common.testkit.ZookeeperExtension;
import dev.drove.controller.operations.LifecycleOptions;
import dev.drove.controller.scheduler.ClusterResources;
import dev.drove.controller.scheduler.Scheduler;
import dev.drove.controller.specrules.HostAccessRules;
import dev.drove.controller.statestore.ZkClusterStateStore;
import dev.drove.controller.statestore.ZkLocalServiceInstanceStore;
import dev.drove.controller.statestore.ZkLocalServiceStore;
import dev.drove.models.cluster.ClusterState;
import dev.drove.models.cluster.ClusterStateData;
import dev.drove.models.config.InlineConfigSpec;
import dev.drove.models.json.Json;
import dev.drove.models.localservice.ActivationState;
import dev.drove.models.localservice.LocalServiceState;
import org.apache.curator.framework.CuratorFramework;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.List;
import java.util.Random;

import static dev.drove.controller.localservices.TestServices.SERVICE_ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code /apis/v1/localservices} called as Jersey calls it, with the JSON bodies drove-cli sends. */
@ExtendWith(ZookeeperExtension.class)
class LocalServiceResourceTest {
    private ZkLocalServiceStore services;
    private ZkClusterStateStore clusterState;
    private LocalServiceEngine engine;
    private LocalServiceResource resource;

    @BeforeEach
    void startEngine(CuratorFramework curator) {
        services = new ZkLocalServiceStore(curator);
        var instances = new ZkLocalServiceInstanceStore(curator);
        clusterState = new ZkClusterStateStore(curator);
        var resources = new ClusterResources();
        var states = new ServiceInstanceStates(instances, services);
        engine = new LocalServiceEngine(services, states, new ServiceInstanceActions(new Scheduler(resources,
                new Random(1)), states, new FakeServiceExecutors(resources)),
                new ServiceReservations(services, resources), LifecycleOptions.DEFAULTS);
        engine.leadershipAcquired();
        resource = new LocalServiceResource(services, instances, engine, clusterState,
                HostAccessRules.DEFAULTS);
    }

    @AfterEach
    void stopEngine() {
        engine.close();
    }

    @Test
    void aCliCreateIsAnsweredWithTheServiceIdAndListedInactive() throws Exception {
        var accepted = resource.submit(createBody(1));

        assertThat(accepted.data().serviceId()).isEqualTo(SERVICE_ID);
        assertThat(Json.mapper().writeValueAsString(accepted.data())).isEqualTo("{\"serviceId\":\"LOG_SHIPPER-1\"}");
        var summary = resource.services(null, null).data().get(SERVICE_ID);
        assertThat(summary.name()).isEqualTo(TestServices.NAME);
        assertThat(summary.instancesPerHost()).isEqualTo(1);
        assertThat(summary.activationState()).isEqualTo(ActivationState.INACTIVE);
        assertThat(summary.state()).isEqualTo(LocalServiceState.INACTIVE);
        assertThat(summary.healthyInstances()).isZero();
        assertThat(summary.tags()).containsEntry("team", "infra");
    }

    @Test
    void aBodyThatBreaksTheContractIsRefusedWithEveryProblem() throws Exception {
        var body = Json.mapper().readTree(createBody(1));
        ((com.fasterxml.jackson.databind.node.ObjectNode) body.get("spec")).remove("resources");
        ((com.fasterxml.jackson.databind.node.ObjectNode) body).put("instancesPerHost", 0);

        assertThatThrownBy(() -> resource.submit(body.toString()))
                .isInstanceOfSatisfying(CommandValidationException.class, e -> assertThat(e.errors())
                        .anyMatch(error -> error.contains("spec.resources"))
                        .anyMatch(error -> error.contains("instancesPerHost")));
        assertThat(services.all()).isEmpty();
    }

    @Test
    void unknownIdsAreNotFoundAndACancelWithNothingRunningIsAConflict() {
        resource.submit(createBody(1));

        assertThatThrownBy(() -> resource.service("NOPE-1")).isInstanceOfSatisfying(ApiException.class,
                e -> assertThat(e.status().getStatusCode()).isEqualTo(404)).hasMessage(
                "Local service NOPE-1 not found");
        assertThatThrownBy(() -> resource.instance(SERVICE_ID, "SI-1")).isInstanceOfSatisfying(
                ApiException.class, e -> assertThat(e.status().getStatusCode()).isEqualTo(404))
                .hasMessage("Instance SI-1 of local service LOG_SHIPPER-1 not found");
        assertThatThrownBy(() -> resource.cancel(SERVICE_ID)).isInstanceOfSatisfying(ApiException.class,
                e -> assertThat(e.status().getStatusCode()).isEqualTo(409))
                .hasMessage("Local service LOG_SHIPPER-1 has no running operation to cancel");
        assertThatThrownBy(() -> resource.instances(SERVICE_ID, List.of("BOGUS")))
                .isInstanceOf(CommandValidationException.class);
        assertThatThrownBy(() -> resource.services("-1", "2000"))
                .isInstanceOfSatisfying(CommandValidationException.class, e -> assertThat(e.errors())
                        .containsExactly("query param from must be 0 or more, not -1",
                                "query param size must be between 0 and 1024, not 2000"));
    }

    @Test
    void theSpecIsShownWithoutItsConfigData() {
        var spec = TestServices.spec();
        var withConfig = new dev.drove.models.localservice.LocalServiceSpec(spec.name(), spec.version(),
                spec.executable(), spec.exposedPorts(), spec.volumes(),
                List.of(new InlineConfigSpec("/etc/shipper.yml", "secret".getBytes(StandardCharsets.UTF_8))),
                spec.type(), spec.logging(), spec.resources(), spec.placementPolicy(), spec.healthcheck(),
                spec.readiness(), spec.tags(), spec.env(), spec.args(), spec.devices(), spec.preShutdown(),
                spec.userSpec());
        services.save(new dev.drove.models.localservice.LocalServiceInfo(SERVICE_ID, withConfig, 1,
                ActivationState.INACTIVE, new Date(), new Date()));

        var shown = resource.spec(SERVICE_ID).data();

        assertThat(((InlineConfigSpec) shown.configs().get(0)).data()).isEmpty();
        assertThat(shown.configs().get(0).localFilename()).isEqualTo("/etc/shipper.yml");
    }

    @Test
    void maintenanceModeRefusesOperations() {
        clusterState.save(new ClusterStateData(ClusterState.MAINTENANCE, new Date()));

        assertThatThrownBy(() -> resource.submit(createBody(1))).isInstanceOfSatisfying(ApiException.class,
                e -> assertThat(e.status().getStatusCode()).isEqualTo(400)).hasMessageStartingWith(
                "Cluster is in maintenance mode");
    }

    private static String createBody(int instancesPerHost) {
        try {
            var op = Json.mapper().createObjectNode();
            op.put("type", "CREATE");
            op.set("spec", Json.mapper().valueToTree(TestServices.spec()));
            op.put("instancesPerHost", instancesPerHost);
            return Json.mapper().writeValueAsString(op);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
