package dev.drove.controller.statestore;

import dev.drove.common.testkit.ZookeeperExtension;
import dev.drove.models.instance.InstanceInfo;
import dev.drove.models.instance.InstanceState;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.test.TestingServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static dev.drove.controller.statestore.TestRecords.instance;
import static dev.drove.models.instance.InstanceState.HEALTHY;
import static dev.drove.models.instance.InstanceState.LOST;
import static dev.drove.models.instance.InstanceState.PENDING;
import static dev.drove.models.instance.InstanceState.PROVISIONING_FAILED;
import static dev.drove.models.instance.InstanceState.STOPPED;
import static dev.drove.models.instance.InstanceState.UNHEALTHY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** What every {@link InstanceStore} does, checked against a real ZooKeeper. */
@ExtendWith(ZookeeperExtension.class)
abstract class InstanceStoreContract {
    private static final String APP = "billing-1";

    /** The store under test, as the leader uses it. */
    abstract InstanceStore store(CuratorFramework curator);

    @Test
    void anInstanceSavedHereIsReadByAnotherController(CuratorFramework curator, TestingServer server) {
        var instance = instance(APP, "AI-1", HEALTHY);
        store(curator).save(instance);

        try (var other = ZookeeperExtension.newClient(server.getConnectString())) {
            assertThat(new ZkInstanceStore(other).find(APP, "AI-1")).contains(instance);
            assertThat(new ZkInstanceStore(other).all(APP)).containsExactly(instance);
        }
    }

    @Test
    void savingAnInstanceAgainReplacesIt(CuratorFramework curator) {
        var store = store(curator);
        store.save(instance(APP, "AI-1", PENDING));
        var healthy = instance(APP, "AI-1", HEALTHY, 10_000, 30_000);
        store.save(healthy);

        assertThat(store.find(APP, "AI-1")).contains(healthy);
        assertThat(store.all(APP)).containsExactly(healthy);
    }

    @Test
    void readingWhatWasNeverStoredAnswersEmpty(CuratorFramework curator) {
        var store = store(curator);
        store.save(instance("orders-1", "AI-9", HEALTHY));

        assertThat(store.find(APP, "AI-1")).isEmpty();
        assertThat(store.find("orders-1", "AI-1")).isEmpty();
        assertThat(store.find(null, "AI-9")).isEmpty();
        assertThat(store.all(APP)).isEmpty();
        assertThat(store.instances(APP, InstanceState.ACTIVE_STATES)).isEmpty();
        assertThat(store.oldInstances(APP, 0, 10)).isEmpty();
    }

    static Stream<Arguments> stateFilters() {
        return Stream.of(
                arguments("HEALTHY only", Set.of(HEALTHY), List.of("AI-2")),
                arguments("the active states, oldest first", InstanceState.ACTIVE_STATES,
                        List.of("AI-2", "AI-3", "AI-1")),
                arguments("the running states", InstanceState.RUNNING_STATES, List.of("AI-2")),
                arguments("the terminal states", Set.of(STOPPED, LOST), List.of("AI-5", "AI-4")),
                arguments("an error state", Set.of(PROVISIONING_FAILED), List.of("AI-6")),
                arguments("no state", Set.of(), List.of()),
                arguments("every state, oldest first", EnumSet.allOf(InstanceState.class),
                        List.of("AI-6", "AI-2", "AI-3", "AI-1", "AI-5", "AI-4")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("stateFilters")
    void instancesAreFilteredByState(String rule, Set<InstanceState> states, List<String> expected,
                                     CuratorFramework curator) {
        var store = store(curator);
        store.save(instance(APP, "AI-1", PENDING, 300, 300));
        store.save(instance(APP, "AI-2", HEALTHY, 100, 100));
        store.save(instance(APP, "AI-3", UNHEALTHY, 200, 200));
        store.save(instance(APP, "AI-4", STOPPED, 500, 500));
        store.save(instance(APP, "AI-5", LOST, 400, 400));
        store.save(instance(APP, "AI-6", PROVISIONING_FAILED, 50, 50));
        store.save(instance("orders-1", "AI-7", HEALTHY, 100, 100));

        assertThat(store.instances(APP, states)).extracting(InstanceInfo::instanceId)
                .containsExactlyElementsOf(expected);
    }

    static Stream<Arguments> oldInstancePages() {
        return Stream.of(
                arguments("the first page", 0, 2, List.of("AI-s5", "AI-s4")),
                arguments("the second page", 2, 2, List.of("AI-s3", "AI-s2")),
                arguments("a last page that is not full", 4, 2, List.of("AI-s1")),
                arguments("a page past the end", 5, 2, List.of()),
                arguments("a page of size 0", 0, 0, List.of()),
                arguments("one page holding everything", 0, 100, List.of("AI-s5", "AI-s4", "AI-s3", "AI-s2",
                        "AI-s1")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("oldInstancePages")
    void oldInstancesArePagedNewestFirst(String page, int start, int size, List<String> expected,
                                         CuratorFramework curator) {
        var store = store(curator);
        store.save(instance(APP, "AI-s1", STOPPED, 10, 100));
        store.save(instance(APP, "AI-s3", LOST, 30, 300));
        store.save(instance(APP, "AI-s2", STOPPED, 20, 200));
        store.save(instance(APP, "AI-s5", STOPPED, 50, 500));
        store.save(instance(APP, "AI-s4", STOPPED, 40, 400));
        store.save(instance(APP, "AI-r1", HEALTHY, 60, 900));
        store.save(instance(APP, "AI-r2", PROVISIONING_FAILED, 70, 800));

        assertThat(store.oldInstances(APP, start, size)).extracting(InstanceInfo::instanceId)
                .containsExactlyElementsOf(expected);
    }

    @Test
    void aPageMustNotStartOrEndBeforeZero(CuratorFramework curator) {
        var store = store(curator);

        assertThatThrownBy(() -> store.oldInstances(APP, -1, 10)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("start -1");
        assertThatThrownBy(() -> store.oldInstances(APP, 0, -1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("size -1");
    }

    @Test
    void deletingOneInstanceKeepsTheOthers(CuratorFramework curator) throws Exception {
        var store = store(curator);
        store.save(instance(APP, "AI-1", STOPPED));
        store.save(instance(APP, "AI-2", HEALTHY));

        store.delete(APP, "AI-1");
        store.delete(APP, "AI-404");

        assertThat(store.all(APP)).extracting(InstanceInfo::instanceId).containsExactly("AI-2");
        assertThat(curator.checkExists().forPath("/instances/billing-1/AI-1")).isNull();
    }

    @Test
    void deletingAllInstancesOfAnApplicationRemovesItsSubtreeOnly(CuratorFramework curator) throws Exception {
        var store = store(curator);
        store.save(instance(APP, "AI-1", STOPPED));
        store.save(instance(APP, "AI-2", HEALTHY));
        store.save(instance("orders-1", "AI-3", HEALTHY));

        store.deleteAll(APP);

        assertThat(store.all(APP)).isEmpty();
        assertThat(curator.checkExists().forPath("/instances/billing-1")).isNull();
        assertThat(store.all("orders-1")).extracting(InstanceInfo::instanceId).containsExactly("AI-3");
    }
}
