package dev.drove.controller.events;

import dev.drove.common.testkit.ZookeeperExtension;
import dev.drove.controller.cluster.InstanceStates;
import dev.drove.controller.statestore.ZkApplicationStore;
import dev.drove.controller.statestore.ZkInstanceStore;
import dev.drove.models.application.ApplicationInfo;
import dev.drove.models.events.DroveEventType;
import dev.drove.models.events.InstanceEventDataTag;
import dev.drove.models.instance.InstanceInfo;
import dev.drove.models.instance.InstanceState;
import org.apache.curator.framework.CuratorFramework;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Sources tell the recorder about state changes; the bus gets one event per change, in the order stored. */
@ExtendWith(ZookeeperExtension.class)
class EventRecorderTest {

    @Test
    void anInstanceRaisesOneEventPerStateChangeInTheOrderStoredAndNoneForRepeatsOrStaleReports(
            CuratorFramework curator) {
        var applications = new ZkApplicationStore(curator);
        applications.save(new ApplicationInfo("TEST_APP-1", EventFactoryTest.docsSpec(), 1, new Date(), new Date()));
        var states = new InstanceStates(new ZkInstanceStore(curator), applications);
        var bus = new EventBus(Duration.ofHours(1));
        var recorder = new EventRecorder(bus, "controller-1");
        states.addStateChangeListener(recorder::instanceChanged);

        states.record(instance(InstanceState.PENDING, 1));
        states.report(instance(InstanceState.PROVISIONING, 2));
        states.report(instance(InstanceState.PROVISIONING, 3));  // the same state, newer: stored, no event
        states.report(instance(InstanceState.STARTING, 5));
        states.report(instance(InstanceState.PROVISIONING, 4));  // older than stored: ignored
        states.report(instance(InstanceState.HEALTHY, 6));
        states.record(instance(InstanceState.HEALTHY, 7));       // a decision that changes nothing

        var events = bus.latest(0, 1024).events();
        assertThat(events).allMatch(e -> e.type() == DroveEventType.INSTANCE_STATE_CHANGE);
        assertThat(events).extracting(e -> e.metadata().get(InstanceEventDataTag.CURRENT_STATE))
                .containsExactly("PENDING", "PROVISIONING", "STARTING", "HEALTHY");
    }

    @Test
    void leadershipAndApplicationChangesAreClusterAndAppEvents() {
        var bus = new EventBus(Duration.ofHours(1));
        var recorder = new EventRecorder(bus, "controller-1");

        recorder.leadershipAcquired();
        recorder.stateChanged(new ApplicationInfo("TEST_APP-1", EventFactoryTest.docsSpec(), 0, new Date(),
                new Date()), null, dev.drove.models.application.ApplicationState.INIT);
        recorder.leadershipLost();

        assertThat(bus.latest(0, 1024).events()).extracting(e -> e.type()).containsExactly(
                DroveEventType.LEADERSHIP_ACQUIRED, DroveEventType.APP_STATE_CHANGE, DroveEventType.LEADERSHIP_LOST);
    }

    private static InstanceInfo instance(InstanceState state, long updated) {
        return new InstanceInfo("TEST_APP-1", "TEST_APP", "AI-1", "executor-1", null, List.of(), state, Map.of(), "",
                new Date(1), new Date(updated));
    }
}
