package dev.drove.controller.statestore;

import dev.drove.common.testkit.ZookeeperExtension;
import dev.drove.models.instance.LocalServiceInstanceInfo;
import dev.drove.models.instance.LocalServiceInstanceState;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.test.TestingServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static dev.drove.controller.statestore.TestRecords.serviceInstance;
import static dev.drove.models.instance.LocalServiceInstanceState.HEALTHY;
import static dev.drove.models.instance.LocalServiceInstanceState.LOST;
import static dev.drove.models.instance.LocalServiceInstanceState.STARTING;
import static dev.drove.models.instance.LocalServiceInstanceState.STOPPED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** What every {@link LocalServiceInstanceStore} does, checked against a real ZooKeeper. */
@ExtendWith(ZookeeperExtension.class)
abstract class LocalServiceInstanceStoreContract {
    private static final String SERVICE = "agent-1";

    abstract LocalServiceInstanceStore store(CuratorFramework curator);

    @Test
    void anInstanceSavedHereIsReadByAnotherController(CuratorFramework curator, TestingServer server) {
        var instance = serviceInstance(SERVICE, "SI-1", HEALTHY, 10, 20);
        store(curator).save(instance);

        try (var other = ZookeeperExtension.newClient(server.getConnectString())) {
            assertThat(new ZkLocalServiceInstanceStore(other).find(SERVICE, "SI-1")).contains(instance);
        }
    }

    @Test
    void readingWhatWasNeverStoredAnswersEmpty(CuratorFramework curator) {
        var store = store(curator);

        assertThat(store.find(SERVICE, "SI-1")).isEmpty();
        assertThat(store.all(SERVICE)).isEmpty();
        assertThat(store.oldInstances(SERVICE, 0, 5)).isEmpty();
    }

    static Stream<Arguments> stateFilters() {
        return Stream.of(
                arguments("HEALTHY only", Set.of(HEALTHY), List.of("SI-1")),
                arguments("the active states, oldest first", LocalServiceInstanceState.ACTIVE_STATES,
                        List.of("SI-2", "SI-1")),
                arguments("the terminal states", Set.of(STOPPED, LOST), List.of("SI-3", "SI-4")),
                arguments("no state", Set.of(), List.of()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("stateFilters")
    void instancesAreFilteredByState(String rule, Set<LocalServiceInstanceState> states, List<String> expected,
                                     CuratorFramework curator) {
        var store = store(curator);
        store.save(serviceInstance(SERVICE, "SI-1", HEALTHY, 200, 200));
        store.save(serviceInstance(SERVICE, "SI-2", STARTING, 100, 100));
        store.save(serviceInstance(SERVICE, "SI-3", STOPPED, 300, 300));
        store.save(serviceInstance(SERVICE, "SI-4", LOST, 400, 400));
        store.save(serviceInstance("proxy-1", "SI-5", HEALTHY, 100, 100));

        assertThat(store.instances(SERVICE, states)).extracting(LocalServiceInstanceInfo::instanceId)
                .containsExactlyElementsOf(expected);
    }

    @Test
    void oldInstancesArePagedNewestFirst(CuratorFramework curator) {
        var store = store(curator);
        store.save(serviceInstance(SERVICE, "SI-1", STOPPED, 10, 100));
        store.save(serviceInstance(SERVICE, "SI-2", LOST, 20, 300));
        store.save(serviceInstance(SERVICE, "SI-3", STOPPED, 30, 200));
        store.save(serviceInstance(SERVICE, "SI-4", HEALTHY, 40, 900));

        assertThat(store.oldInstances(SERVICE, 0, 2)).extracting(LocalServiceInstanceInfo::instanceId)
                .containsExactly("SI-2", "SI-3");
        assertThat(store.oldInstances(SERVICE, 2, 2)).extracting(LocalServiceInstanceInfo::instanceId)
                .containsExactly("SI-1");
    }

    @Test
    void deletingRemovesOneInstanceOrTheWholeSubtree(CuratorFramework curator) throws Exception {
        var store = store(curator);
        store.save(serviceInstance(SERVICE, "SI-1", STOPPED, 10, 10));
        store.save(serviceInstance(SERVICE, "SI-2", HEALTHY, 20, 20));
        store.save(serviceInstance("proxy-1", "SI-3", HEALTHY, 30, 30));

        store.delete(SERVICE, "SI-1");
        assertThat(store.all(SERVICE)).extracting(LocalServiceInstanceInfo::instanceId).containsExactly("SI-2");

        store.deleteAll(SERVICE);
        assertThat(store.all(SERVICE)).isEmpty();
        assertThat(curator.checkExists().forPath("/localserviceinstances/agent-1")).isNull();
        assertThat(store.all("proxy-1")).hasSize(1);
    }
}
