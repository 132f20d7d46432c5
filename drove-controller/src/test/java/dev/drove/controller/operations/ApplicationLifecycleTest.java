package dev.drove.controller.operations;

import dev.drove.common.errors.ApiException;
import dev.drove.common.testkit.ZookeeperExtension;
import dev.drove.models.application.ApplicationState;
import dev.drove.models.info.resources.CPUAllocation;
import dev.drove.models.instance.InstanceInfo;
import dev.drove.models.instance.InstanceState;
import io.dropwizard.util.Duration;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Applications through their whole life on a real ZooKeeper, with controllers wired as in production and fake
 * executors that walk instances through the executor's states and report every change over HTTP.
 */
class ApplicationLifecycleTest {
    @RegisterExtension
    static final ZookeeperExtension ZOOKEEPER = new ZookeeperExtension();

    /** App monitor every second, executors LOST after 2 s away; internal ops as the defaults. */
    private static final LifecycleOptions OPTIONS = new LifecycleOptions(Duration.seconds(30), 1, Duration.seconds(1),
            Duration.seconds(2));
    private static final java.time.Duration A_WHILE = java.time.Duration.ofSeconds(20);

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
    void anApplicationIsCreatedScaledReplacedSuspendedAndDestroyed() {
        var controller = leader(cluster.controller(OPTIONS));
        cluster.executor(4);
        cluster.executor(4);
        var engine = controller.engine();

        var appId = engine.submit(TestApps.create("billing", 0));
        assertThat(appId).isEqualTo("billing-1");
        await().atMost(A_WHILE).until(() -> engine.state(appId).orElse(null) == ApplicationState.MONITORING);

        engine.submit(TestApps.scale(appId, 3));
        awaitRunningWith(controller, appId, 3);
        var first = ids(healthy(controller, appId));
        assertThat(pinnedCores(healthy(controller, appId))).as("executor:core of every instance")
                .hasSize(3).doesNotHaveDuplicates();
        assertThat(cluster.count(appId, InstanceState.HEALTHY)).isEqualTo(3);

        cluster.recordHealthy(appId);
        engine.submit(TestApps.replace(appId, Set.of()));
        assertThatThrownBy(() -> engine.submit(TestApps.scale(appId, 5)))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(Response.Status.CONFLICT);
                    assertThat(e.getMessage()).isEqualTo("App billing-1 is busy with REPLACE_INSTANCES; wait or "
                            + "cancel it");
                });
        await().atMost(A_WHILE).until(() -> engine.state(appId).orElse(null) == ApplicationState.RUNNING
                && healthy(controller, appId).size() == 3
                && ids(healthy(controller, appId)).stream().noneMatch(first::contains));
        assertThat(cluster.healthyCounts()).as("healthy instances at every change during the replacement")
                .isNotEmpty().allMatch(count -> count >= 3).contains(4L);

        assertThatThrownBy(() -> engine.submit(TestApps.destroy(appId)))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(Response.Status.CONFLICT);
                    assertThat(e.getMessage()).isEqualTo("App billing-1 is RUNNING; DESTROY is accepted only when "
                            + "it is MONITORING");
                });

        engine.submit(TestApps.scale(appId, 0));
        await().atMost(A_WHILE).until(() -> engine.state(appId).orElse(null) == ApplicationState.MONITORING
                && cluster.count(appId, InstanceState.HEALTHY) == 0);
        assertThat(controller.instances().all(appId)).allMatch(i -> i.state() == InstanceState.STOPPED);

        engine.submit(TestApps.destroy(appId));
        await().atMost(A_WHILE).until(() -> engine.state(appId).isEmpty());
        assertThat(controller.applications().find(appId)).isEmpty();
        assertThat(controller.instances().all(appId)).isEmpty();
    }

    @Test
    void stoppedInstancesAreReplacedFirstUnlessRespawnIsSkipped() {
        var controller = leader(cluster.controller(OPTIONS));
        cluster.executor(4);
        cluster.executor(4);
        var engine = controller.engine();
        var appId = engine.submit(TestApps.create("cart", 3));
        awaitRunningWith(controller, appId, 3);
        var first = ids(healthy(controller, appId)).get(0);

        engine.submit(TestApps.stop(appId, List.of(first), false));
        await().atMost(A_WHILE).until(() -> engine.state(appId).orElse(null) == ApplicationState.RUNNING
                && stateOf(controller, appId, first) == InstanceState.STOPPED
                && healthy(controller, appId).size() == 3);
        assertThat(controller.applications().find(appId).orElseThrow().instances()).isEqualTo(3);

        var second = ids(healthy(controller, appId)).get(0);
        engine.submit(TestApps.stop(appId, List.of(second), true));
        await().atMost(A_WHILE).until(() -> engine.state(appId).orElse(null) == ApplicationState.RUNNING
                && stateOf(controller, appId, second) == InstanceState.STOPPED
                && healthy(controller, appId).size() == 2);
        assertThat(controller.applications().find(appId).orElseThrow().instances()).isEqualTo(2);
    }

    @Test
    void aCancelledScaleStopsAfterItsCurrentStepAndKeepsWhatRuns() {
        var controller = leader(cluster.controller(OPTIONS));
        cluster.executor(4, Set.of(), java.time.Duration.ofMillis(80), false);
        cluster.executor(4, Set.of(), java.time.Duration.ofMillis(80), false);
        var engine = controller.engine();
        var appId = engine.submit(TestApps.create("reports", 0));
        await().atMost(A_WHILE).until(() -> engine.state(appId).orElse(null) == ApplicationState.MONITORING);
        assertThat(engine.cancel(appId)).as("nothing runs").isFalse();

        engine.submit(TestApps.scale(appId, 6));
        await().atMost(A_WHILE).until(() -> cluster.count(appId, InstanceState.HEALTHY) >= 1);
        assertThat(engine.cancel(appId)).isTrue();

        await().atMost(A_WHILE).until(() -> controller.applications().findRuntime(appId)
                .map(runtime -> !runtime.hasOperation()).orElse(false));
        var kept = healthy(controller, appId).size();
        assertThat(kept).isBetween(1, 3);
        assertThat(engine.state(appId)).contains(ApplicationState.RUNNING);
        assertThat(controller.applications().find(appId).orElseThrow().instances()).isEqualTo(kept);
        assertThat(cluster.startsReceived()).isEqualTo(kept);
    }

    @Test
    void theMonitorReplacesAnInstanceThatTurnsUnhealthyAndOneThatStops() {
        var controller = leader(cluster.controller(OPTIONS));
        cluster.executor(4);
        cluster.executor(4);
        var engine = controller.engine();
        var appId = engine.submit(TestApps.create("orders", 3));
        awaitRunningWith(controller, appId, 3);

        var sick = healthy(controller, appId).get(0);
        executorOf(sick).turn(sick.instanceId(), InstanceState.UNHEALTHY);
        await().atMost(A_WHILE).until(() -> stateOf(controller, appId, sick.instanceId()) == InstanceState.STOPPED
                && healthy(controller, appId).size() == 3
                && engine.state(appId).orElse(null) == ApplicationState.RUNNING);

        var crashed = healthy(controller, appId).get(0);
        executorOf(crashed).turn(crashed.instanceId(), InstanceState.STOPPED);
        await().atMost(A_WHILE).until(() -> healthy(controller, appId).size() == 3
                && !ids(healthy(controller, appId)).contains(crashed.instanceId())
                && engine.state(appId).orElse(null) == ApplicationState.RUNNING);
        assertThat(cluster.count(appId, InstanceState.HEALTHY)).isEqualTo(3);
    }

    @Test
    void theInstancesOfAnExecutorGoneLongerThanTheGraceAreLostAndReplacedElsewhere() {
        var controller = leader(cluster.controller(OPTIONS));
        cluster.executor(4);
        cluster.executor(4);
        cluster.executor(4);
        var engine = controller.engine();
        var appId = engine.submit(TestApps.create("search", 3));
        awaitRunningWith(controller, appId, 3);
        var victim = executorOf(healthy(controller, appId).get(0));
        var lost = healthy(controller, appId).stream().filter(i -> i.executorId().equals(victim.id()))
                .map(InstanceInfo::instanceId).toList();

        victim.vanish();

        await().atMost(A_WHILE).until(() -> lost.stream()
                .allMatch(id -> stateOf(controller, appId, id) == InstanceState.LOST));
        await().atMost(A_WHILE).until(() -> healthy(controller, appId).size() == 3
                && engine.state(appId).orElse(null) == ApplicationState.RUNNING);
        assertThat(healthy(controller, appId)).extracting(InstanceInfo::executorId).doesNotContain(victim.id());
        assertThat(controller.instances().find(appId, lost.get(0)).orElseThrow().errorMessage())
                .contains("has been gone longer than the grace period");
    }

    @Test
    void aNewLeaderFinishesTheScaleTheOldLeaderStartedWithoutStartingDuplicates() {
        var first = leader(cluster.controller(OPTIONS));
        var second = cluster.controller(OPTIONS);
        cluster.executor(4, Set.of(), java.time.Duration.ofMillis(80), false);
        cluster.executor(4, Set.of(), java.time.Duration.ofMillis(80), false);
        var appId = first.engine().submit(TestApps.create("ledger", 0));
        await().atMost(A_WHILE).until(() -> first.engine().state(appId).orElse(null) == ApplicationState.MONITORING);

        first.engine().submit(TestApps.scale(appId, 6));
        await().atMost(A_WHILE).until(() -> cluster.count(appId, InstanceState.HEALTHY) >= 2);
        first.election().close();

        await().atMost(A_WHILE).until(() -> second.election().isLeader());
        await().atMost(A_WHILE).until(() -> second.engine().state(appId).orElse(null) == ApplicationState.RUNNING
                && cluster.count(appId, InstanceState.HEALTHY) == 6);
        assertThat(cluster.startsReceived()).as("START_INSTANCE messages sent by both leaders").isEqualTo(6);
        assertThat(second.instances().instances(appId, InstanceState.ACTIVE_STATES)).hasSize(6);
        assertThat(second.applications().findRuntime(appId).orElseThrow().hasOperation()).isFalse();
    }

    private static TestController leader(TestController controller) {
        await().atMost(A_WHILE).until(() -> controller.election().isLeader());
        return controller;
    }

    private static void awaitRunningWith(TestController controller, String appId, int instances) {
        await().atMost(A_WHILE).until(() -> controller.engine().state(appId).orElse(null) == ApplicationState.RUNNING
                && healthy(controller, appId).size() == instances);
    }

    private static List<InstanceInfo> healthy(TestController controller, String appId) {
        return controller.instances().instances(appId, Set.of(InstanceState.HEALTHY));
    }

    private static InstanceState stateOf(TestController controller, String appId, String instanceId) {
        return controller.instances().find(appId, instanceId).map(InstanceInfo::state).orElse(null);
    }

    private static List<String> ids(List<InstanceInfo> instances) {
        return instances.stream().map(InstanceInfo::instanceId).toList();
    }

    /** {@code executorId:core} for every core pinned to the instances. */
    private static List<String> pinnedCores(List<InstanceInfo> instances) {
        return instances.stream().flatMap(instance -> instance.resources().stream()
                        .filter(CPUAllocation.class::isInstance).map(CPUAllocation.class::cast)
                        .flatMap(cpu -> cpu.cores().values().stream().flatMap(Set::stream))
                        .map(core -> instance.executorId() + ":" + core))
                .collect(Collectors.toList());
    }

    private FakeExecutor executorOf(InstanceInfo instance) {
        return cluster.executors().stream().filter(e -> e.id().equals(instance.executorId())).findFirst()
                .orElseThrow();
    }
}
