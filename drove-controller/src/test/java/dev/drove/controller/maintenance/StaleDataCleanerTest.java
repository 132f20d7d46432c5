package dev.drove.controller.maintenance;

import dev.drove.common.errors.ApiException;
import dev.drove.common.testkit.ZookeeperExtension;
import dev.drove.controller.events.EventBus;
import dev.drove.controller.events.TestClock;
import dev.drove.controller.statestore.AppRuntimeInfo;
import dev.drove.controller.statestore.ZkApplicationStore;
import dev.drove.controller.statestore.ZkInstanceStore;
import dev.drove.models.application.ApplicationInfo;
import dev.drove.models.application.ApplicationSpec;
import dev.drove.models.application.ApplicationState;
import dev.drove.models.application.JobType;
import dev.drove.models.application.PortSpec;
import dev.drove.models.application.PortType;
import dev.drove.models.application.checks.CheckSpec;
import dev.drove.models.application.checks.HTTPCheckModeSpec;
import dev.drove.models.application.executable.DockerCoordinates;
import dev.drove.models.application.requirements.ResourceRequirement;
import dev.drove.models.events.ClusterEvent;
import dev.drove.models.events.DroveEventType;
import dev.drove.models.instance.InstanceInfo;
import dev.drove.models.instance.InstanceState;
import dev.drove.models.operation.ApplicationDestroyOperation;
import dev.drove.models.operation.ApplicationOperation;
import dev.drove.models.operation.ClusterOpSpec;
import org.apache.curator.framework.CuratorFramework;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/** One cleanup pass over applications and instances stored in a real ZooKeeper. */
@ExtendWith(ZookeeperExtension.class)
class StaleDataCleanerTest {
    private static final long NOW = System.currentTimeMillis();
    private static final MaintenanceOptions OPTIONS = new MaintenanceOptions(null, Duration.ofDays(7), 1,
            Duration.ofDays(7), null);

    private final List<ApplicationOperation> submitted = new CopyOnWriteArrayList<>();
    private final AtomicBoolean maintenance = new AtomicBoolean();
    private ZkApplicationStore applications;
    private ZkInstanceStore instances;
    private EventBus events;
    private StaleDataCleaner cleaner;

    @BeforeEach
    void storeTwoApps(CuratorFramework curator) {
        applications = new ZkApplicationStore(curator);
        instances = new ZkInstanceStore(curator);
        events = new EventBus(10, Duration.ofHours(1), new TestClock(NOW));
        cleaner = new StaleDataCleaner(applications, instances, submitted::add, events, maintenance::get, OPTIONS,
                ClusterOpSpec.DEFAULT, new TestClock(NOW));

        app("OLD_APP", ApplicationState.MONITORING, Duration.ofDays(8));
        app("BUSY_APP", ApplicationState.RUNNING, Duration.ofDays(30));
        instance("BUSY_APP", "ancient", InstanceState.STOPPED, Duration.ofDays(9));
        instance("BUSY_APP", "older", InstanceState.LOST, Duration.ofDays(2));
        instance("BUSY_APP", "recent", InstanceState.STOPPED, Duration.ofDays(1));
        instance("BUSY_APP", "running", InstanceState.HEALTHY, Duration.ofDays(20));
        events.publish(new ClusterEvent(DroveEventType.LEADERSHIP_ACQUIRED, UUID.randomUUID(),
                new Date(NOW - Duration.ofHours(2).toMillis()), Map.of()));
    }

    @Test
    void aPassForgetsStaleInstancesDestroysStaleAppsAndDropsExpiredEvents() {
        var pass = cleaner.clean();

        assertThat(pass.skipped()).isFalse();
        assertThat(pass.instancesDeleted()).isEqualTo(2);
        assertThat(instances.all("BUSY_APP-1")).extracting(InstanceInfo::instanceId)
                .containsExactlyInAnyOrder("recent", "running");
        assertThat(pass.appsDestroyed()).containsExactly("OLD_APP-1");
        assertThat(submitted).containsExactly(new ApplicationDestroyOperation("OLD_APP-1", ClusterOpSpec.DEFAULT));
        assertThat(pass.eventsDropped()).isEqualTo(1);
        assertThat(events.size()).isZero();
    }

    @Test
    void inMaintenanceAPassChangesNothing() {
        maintenance.set(true);

        assertThat(cleaner.clean().skipped()).isTrue();

        assertThat(instances.all("BUSY_APP-1")).hasSize(4);
        assertThat(submitted).isEmpty();
        assertThat(events.size()).isEqualTo(1);
    }

    @Test
    void anAppTheEngineRefusesToDestroyIsLeftForTheNextPass() {
        var refusing = new StaleDataCleaner(applications, instances, operation -> {
            throw ApiException.conflict("App %s is busy with SCALE_INSTANCES; wait or cancel it", operation.appId());
        }, events, maintenance::get, OPTIONS, ClusterOpSpec.DEFAULT, new TestClock(NOW));

        var pass = refusing.clean();

        assertThat(pass.appsDestroyed()).isEmpty();
        assertThat(pass.instancesDeleted()).isEqualTo(2);
    }

    private void app(String name, ApplicationState state, Duration unchangedFor) {
        var at = new Date(NOW - unchangedFor.toMillis());
        var spec = spec(name);
        applications.save(new ApplicationInfo(spec.appId(), spec, state == ApplicationState.RUNNING ? 1 : 0, at, at));
        applications.saveRuntime(new AppRuntimeInfo(spec.appId(), state, state == ApplicationState.RUNNING ? 1 : 0,
                null, at));
    }

    private void instance(String name, String id, InstanceState state, Duration updatedAgo) {
        instances.save(new InstanceInfo(name + "-1", name, id, "executor-1", null, List.of(), state, Map.of(), "",
                new Date(0), new Date(NOW - updatedAgo.toMillis())));
    }

    private static ApplicationSpec spec(String name) {
        var check = new CheckSpec(HTTPCheckModeSpec.get("main", "/"), io.dropwizard.util.Duration.seconds(1),
                io.dropwizard.util.Duration.seconds(5), 3, null);
        return new ApplicationSpec(name, "1", DockerCoordinates.of("ghcr.io/example/" + name.toLowerCase()),
                List.of(new PortSpec("main", 8000, PortType.HTTP)), null, null, JobType.SERVICE, null,
                ResourceRequirement.of(1, 128), null, check, check, null, null, null, null, null, null, null);
    }
}
