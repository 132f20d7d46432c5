package dev.drove.controller.localservices;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.drove.common.errors.CommandValidationException;
import dev.drove.common.testkit.ZookeeperExtension;
import dev.drove.controller.operations.LifecycleOptions;
import dev.drove.controller.scheduler.ClusterResources;
import dev.drove.controller.scheduler.Scheduler;
import dev.drove.controller.specrules.HostAccessRules;
import dev.drove.controller.statestore.ZkClusterStateStore;
import dev.drove.controller.statestore.ZkLocalServiceInstanceStore;
import dev.drove.controller.statestore.ZkLocalServiceStore;
import dev.drove.models.json.Json;
import org.apache.curator.framework.CuratorFramework;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;
import java.util.Random;

import static dev.drove.controller.localservices.TestServices.SERVICE_ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Local service specs on a controller with {@code allowedMountDirs: [/var/lib/drove-scratch]} and raw device access
 * off: a refused mount or device is a validation failure naming the field, and no service is stored.
 */
@ExtendWith(ZookeeperExtension.class)
class LocalServiceHostAccessTest {
    private ZkLocalServiceStore services;
    private LocalServiceEngine engine;
    private LocalServiceResource resource;

    @BeforeEach
    void startEngine(CuratorFramework curator) {
        services = new ZkLocalServiceStore(curator);
        var instances = new ZkLocalServiceInstanceStore(curator);
        var resources = new ClusterResources();
        var states = new ServiceInstanceStates(instances, services);
        engine = new LocalServiceEngine(services, states, new ServiceInstanceActions(new Scheduler(resources,
                new Random(1)), states, new FakeServiceExecutors(resources)),
                new ServiceReservations(services, resources), LifecycleOptions.DEFAULTS);
        engine.leadershipAcquired();
        resource = new LocalServiceResource(services, instances, engine, new ZkClusterStateStore(curator),
                new HostAccessRules(List.of("/var/lib/drove-scratch"), false));
    }

    @AfterEach
    void stopEngine() {
        engine.close();
    }

    @Test
    void aVolumeOutsideTheAllowedDirectoriesIsRefusedAndNoServiceIsStored() {
        var create = create("{\"pathInContainer\": \"/logs\", \"pathOnHost\": \"/var/log\", \"mode\": \"READ_ONLY\"}",
                null);

        assertThatThrownBy(() -> resource.submit(create.toString()))
                .isInstanceOfSatisfying(CommandValidationException.class, e -> assertThat(e.errors()).containsExactly(
                        "spec.volumes[0].pathOnHost /var/log is not under an allowed mount directory (allowed: "
                                + "/var/lib/drove-scratch)"));
        assertThatThrownBy(() -> resource.validateSpec(create.get("spec").toString()))
                .isInstanceOfSatisfying(CommandValidationException.class, e -> assertThat(e.errors()).containsExactly(
                        "volumes[0].pathOnHost /var/log is not under an allowed mount directory (allowed: "
                                + "/var/lib/drove-scratch)"));
        assertThat(services.all()).isEmpty();
    }

    @Test
    void aVolumeUnderAnAllowedDirectoryIsAccepted() {
        var create = create("{\"pathInContainer\": \"/spool\", \"pathOnHost\": \"/var/lib/drove-scratch/spool\", "
                + "\"mode\": \"READ_WRITE\"}", null);

        var accepted = resource.submit(create.toString());

        assertThat(accepted.data().serviceId()).isEqualTo(SERVICE_ID);
        assertThat(services.find(SERVICE_ID)).hasValueSatisfying(service -> assertThat(service.spec().volumes())
                .singleElement().satisfies(volume -> assertThat(volume.pathOnHost())
                        .isEqualTo("/var/lib/drove-scratch/spool")));
    }

    @Test
    void aDeviceIsRefusedWhileRawDeviceAccessIsOff() {
        var create = create(null, "{\"type\": \"DIRECT\", \"pathOnHost\": \"/dev/net/tun\"}");

        assertThatThrownBy(() -> resource.submit(create.toString()))
                .isInstanceOfSatisfying(CommandValidationException.class, e -> assertThat(e.errors()).containsExactly(
                        "spec.devices[0] (DIRECT /dev/net/tun) is refused: raw device access is disabled on this "
                                + "cluster (controller option options.enableRawDeviceAccess)"));
        assertThat(services.all()).isEmpty();
    }

    /** drove-cli's CREATE of the test service, with one volume and one device when given (JSON objects). */
    private static ObjectNode create(String volume, String device) {
        try {
            var op = Json.mapper().createObjectNode();
            op.put("type", "CREATE");
            var spec = (ObjectNode) Json.mapper().valueToTree(TestServices.spec());
            if (volume != null) {
                spec.putArray("volumes").add(Json.mapper().readTree(volume));
            }
            if (device != null) {
                spec.putArray("devices").add(Json.mapper().readTree(device));
            }
            op.set("spec", spec);
            op.put("instancesPerHost", 1);
            return op;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
