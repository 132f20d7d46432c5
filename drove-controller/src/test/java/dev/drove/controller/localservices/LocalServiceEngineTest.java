package dev.drove.controller.localservices;

import dev.drove.common.errors.ApiException;
import dev.drove.common.testkit.ZookeeperExtension;
import dev.drove.controller.cluster.LostInstanceStopper;
import dev.drove.controller.operations.LifecycleOptions;
import dev.drove.controller.scheduler.ClusterResources;
import dev.drove.controller.scheduler.PlacementRequest;
import dev.drove.controller.scheduler.Scheduler;
import dev.drove.controller.statestore.ZkLocalServiceInstanceStore;
import dev.drove.controller.statestore.ZkLocalServiceStore;
import dev.drove.models.application.placement.AnyPlacement;
import dev.drove.models.application.placement.MatchTagPlacement;
import dev.drove.models.info.nodedata.ExecutorState;
import dev.drove.models.instance.LocalServiceInstanceInfo;
import dev.drove.models.instance.LocalServiceInstanceState;
import dev.drove.models.internal.LocalServiceInstanceResources;
import dev.drove.models.localservice.ActivationState;
import dev.drove.models.localservice.LocalServiceState;
import dev.drove.models.operation.LocalServiceActivateOperation;
import dev.drove.models.operation.LocalServiceDeactivateOperation;
import dev.drove.models.operation.LocalServiceDeployTestInstanceOperation;
import dev.drove.models.operation.LocalServiceDestroyOperation;
import dev.drove.models.operation.LocalServiceOperation;
import dev.drove.models.operation.LocalServiceReplaceInstancesOperation;
import dev.drove.models.operation.LocalServiceRestartOperation;
import dev.drove.models.operation.LocalServiceStopInstancesOperation;
import dev.drove.models.operation.LocalServiceUpdateInstanceCountOperation;
import io.dropwizard.util.Duration;
import org.apache.curator.framework.CuratorFramework;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static dev.drove.controller.localservices.TestServices.SERVICE_ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** The local service engine on a real ZooKeeper with fake executors that start instances at once. */
@ExtendWith(ZookeeperExtension.class)
class LocalServiceEngineTest {
    private static final java.time.Duration WAIT = java.time.Duration.ofSeconds(10);

    private ZkLocalServiceStore services;
    private ZkLocalServiceInstanceStore instances;
    private ClusterResources resources;
    private Scheduler scheduler;
    private FakeServiceExecutors executors;
    private ServiceReservations reservations;
    private LocalServiceEngine engine;

    @BeforeEach
    void startEngine(CuratorFramework curator) {
        services = new ZkLocalServiceStore(curator);
        instances = new ZkLocalServiceInstanceStore(curator);
        resources = new ClusterResources();
        scheduler = new Scheduler(resources, new Random(7));
        executors = new FakeServiceExecutors(resources);
        reservations = new ServiceReservations(services, resources);
        scheduler.reserveWith(reservations);
        var states = new ServiceInstanceStates(instances, services);
        var stopper = new LostInstanceStopper("Local service instance", executors::stop);
        states.whenLostInstanceReportedAlive(info -> stopper.reportedAlive(info.instanceId(), info.serviceId(),
                info.executorId(), info.state()));
        engine = new LocalServiceEngine(services, states, new ServiceInstanceActions(scheduler, states, executors),
                reservations, new LifecycleOptions(Duration.seconds(2), 2, Duration.milliseconds(100), null));
        executors.reportTo(engine::report);
        engine.leadershipAcquired();
    }

    @AfterEach
    void stopEngine() {
        engine.close();
    }

    @Test
    void createStoresTheServiceInactiveAndASecondCreateIsAConflict() {
        assertThat(engine.submit(TestServices.create(2))).isEqualTo(SERVICE_ID);

        var stored = services.find(SERVICE_ID).orElseThrow();
        assertThat(stored.activationState()).isEqualTo(ActivationState.INACTIVE);
        assertThat(stored.instancesPerHost()).isEqualTo(2);
        assertThat(engine.state(SERVICE_ID)).contains(LocalServiceState.INACTIVE);
        assertThatThrownBy(() -> engine.submit(TestServices.create(1)))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status().getStatusCode()).isEqualTo(409))
                .hasMessage("Local service LOG_SHIPPER-1 already exists");
    }

    static Stream<Arguments> refusals() {
        return Stream.of(
                refusal("an unknown service is not found", null,
                        new LocalServiceActivateOperation("NOPE-1"), 404, "Local service NOPE-1 not found"),
                refusal("DESTROY of an ACTIVE service", ActivationState.ACTIVE,
                        new LocalServiceDestroyOperation(SERVICE_ID), 409,
                        "Local service LOG_SHIPPER-1 is ACTIVE; DESTROY is accepted only when it is INACTIVE"),
                refusal("ACTIVATE of an ACTIVE service", ActivationState.ACTIVE,
                        new LocalServiceActivateOperation(SERVICE_ID), 409,
                        "Local service LOG_SHIPPER-1 is ACTIVE; ACTIVATE is accepted only when it is INACTIVE or "
                                + "CONFIG_TESTING"),
                refusal("DEACTIVATE of an INACTIVE service", ActivationState.INACTIVE,
                        new LocalServiceDeactivateOperation(SERVICE_ID), 409,
                        "Local service LOG_SHIPPER-1 is INACTIVE; DEACTIVATE is accepted only when it is ACTIVE or "
                                + "CONFIG_TESTING"),
                refusal("RESTART of an INACTIVE service", ActivationState.INACTIVE,
                        new LocalServiceRestartOperation(SERVICE_ID, false, null), 409,
                        "Local service LOG_SHIPPER-1 is INACTIVE; RESTART is accepted only when it is ACTIVE or "
                                + "CONFIG_TESTING"),
                refusal("STOP_INSTANCES of instances the service does not have", ActivationState.ACTIVE,
                        new LocalServiceStopInstancesOperation(SERVICE_ID, Set.of("SI-nope"), null), 400,
                        "Local service LOG_SHIPPER-1 has no active instances [SI-nope]"),
                refusal("REPLACE_INSTANCES of instances the service does not have", ActivationState.ACTIVE,
                        new LocalServiceReplaceInstancesOperation(SERVICE_ID, Set.of("SI-x"), false, null), 400,
                        "Local service LOG_SHIPPER-1 has no active instances [SI-x]"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusals")
    void operationsTheServiceCannotTakeAreRefusedWithASentence(String name, ActivationState activation,
                                                               LocalServiceOperation operation, int status,
                                                               String message) {
        if (activation != null) {
            services.save(TestServices.info(activation, 1));
        }
        assertThatThrownBy(() -> engine.submit(operation))
                .isInstanceOfSatisfying(ApiException.class,
                        e -> assertThat(e.status().getStatusCode()).isEqualTo(status))
                .hasMessage(message);
    }

    @Test
    void aControllerThatDoesNotLeadRefusesEveryOperation() {
        engine.leadershipLost();
        assertThatThrownBy(() -> engine.submit(TestServices.create(1)))
                .isInstanceOfSatisfying(ApiException.class,
                        e -> assertThat(e.status().getStatusCode()).isEqualTo(400))
                .hasMessage("This node is not the leader controller");
    }

    @Test
    void activateRunsInstancesPerHostOnEveryEligibleExecutorOnly() {
        var first = executors.add("h1");
        var second = executors.add("h2");
        executors.add("h3", ExecutorState.BLACKLISTED, Set.of());
        executors.add("h4", ExecutorState.ACTIVE, Set.of("gpu"));
        engine.submit(TestServices.create(2));

        engine.submit(new LocalServiceActivateOperation(SERVICE_ID));

        await().atMost(WAIT).until(() -> engine.state(SERVICE_ID).orElseThrow() == LocalServiceState.ACTIVE
                && healthyPerExecutor().equals(Map.of(first, 2L, second, 2L)));
        assertThat(services.find(SERVICE_ID).orElseThrow().activationState()).isEqualTo(ActivationState.ACTIVE);
        assertThat(executors.started()).allSatisfy(spec -> assertThat(spec.hostLevelInstance()).isFalse());
    }

    @Test
    void anExecutorThatJoinsLaterGetsItsInstancesFromTheMonitor() {
        var first = executors.add("h1");
        activate(1);
        await().atMost(WAIT).until(() -> healthyPerExecutor().equals(Map.of(first, 1L)));

        var joined = executors.add("h2");

        await().atMost(WAIT).until(() -> healthyPerExecutor().equals(Map.of(first, 1L, joined, 1L)));
    }

    @Test
    void instancesOnAnExecutorGivenUpAreLostAndTheMonitorStartsNewOnesWhereTheyAreMissing() {
        var first = executors.add("h1");
        activate(1);
        await().atMost(WAIT).until(() -> healthyPerExecutor().equals(Map.of(first, 1L)));
        var lost = healthy().get(0).instanceId();

        engine.executorLost(first);

        assertThat(instances.find(SERVICE_ID, lost).orElseThrow().state()).isEqualTo(LocalServiceInstanceState.LOST);
        await().atMost(WAIT).until(() -> healthy().size() == 1 && !healthy().get(0).instanceId().equals(lost));
    }

    @Test
    void aLostInstanceReportedAliveByItsReturningExecutorStaysLostAndIsStoppedThere() {
        var first = executors.add("h1");
        activate(1);
        await().atMost(WAIT).until(() -> healthyPerExecutor().equals(Map.of(first, 1L)));
        var lostInfo = healthy().get(0);
        engine.executorLost(first);
        await().atMost(WAIT).until(() -> healthy().size() == 1
                && !healthy().get(0).instanceId().equals(lostInfo.instanceId()));

        var later = new Date(System.currentTimeMillis() + 60_000);
        engine.report(new LocalServiceInstanceInfo(lostInfo.serviceId(), lostInfo.serviceName(),
                lostInfo.instanceId(), first, null, lostInfo.resources(), LocalServiceInstanceState.HEALTHY,
                Map.of(), "", lostInfo.created(), later));

        await().atMost(WAIT).until(() -> executors.stopped().contains(lostInfo.instanceId()));
        assertThat(instances.find(SERVICE_ID, lostInfo.instanceId()).orElseThrow().state())
                .isEqualTo(LocalServiceInstanceState.LOST);
        assertThat(healthy()).hasSize(1).noneMatch(info -> info.instanceId().equals(lostInfo.instanceId()));
    }

    @Test
    void deactivateStopsEveryInstanceAndDestroyThenRemovesTheService() {
        executors.add("h1");
        executors.add("h2");
        activate(1);
        await().atMost(WAIT).until(() -> engine.state(SERVICE_ID).orElseThrow() == LocalServiceState.ACTIVE
                && healthy().size() == 2);

        engine.submit(new LocalServiceDeactivateOperation(SERVICE_ID));
        await().atMost(WAIT).until(() -> engine.state(SERVICE_ID).orElseThrow() == LocalServiceState.INACTIVE
                && healthy().isEmpty());
        assertThat(executors.stopped()).hasSize(2);

        engine.submit(new LocalServiceDestroyOperation(SERVICE_ID));
        await().atMost(WAIT).until(() -> services.find(SERVICE_ID).isEmpty());
        assertThat(engine.state(SERVICE_ID)).isEmpty();
        assertThat(instances.all(SERVICE_ID)).isEmpty();
    }

    @Test
    void updateInstanceCountOfAnActiveServiceStartsTheDifferenceOnEachExecutor() {
        var first = executors.add("h1");
        var second = executors.add("h2");
        activate(1);
        await().atMost(WAIT).until(() -> engine.state(SERVICE_ID).orElseThrow() == LocalServiceState.ACTIVE
                && healthyPerExecutor().equals(Map.of(first, 1L, second, 1L)));

        engine.submit(new LocalServiceUpdateInstanceCountOperation(SERVICE_ID, 3));

        await().atMost(WAIT).until(() -> healthyPerExecutor().equals(Map.of(first, 3L, second, 3L)));
        assertThat(services.find(SERVICE_ID).orElseThrow().instancesPerHost()).isEqualTo(3);
    }

    @Test
    void restartReplacesEveryInstanceOnItsOwnExecutor() {
        var first = executors.add("h1");
        var second = executors.add("h2");
        activate(1);
        await().atMost(WAIT).until(() -> engine.state(SERVICE_ID).orElseThrow() == LocalServiceState.ACTIVE
                && healthy().size() == 2);
        var before = healthy().stream().map(LocalServiceInstanceInfo::instanceId).collect(Collectors.toSet());

        engine.submit(new LocalServiceRestartOperation(SERVICE_ID, false, TestServices.OP_SPEC));

        await().atMost(WAIT).until(() -> engine.state(SERVICE_ID).orElseThrow() == LocalServiceState.ACTIVE
                && healthyPerExecutor().equals(Map.of(first, 1L, second, 1L))
                && healthy().stream().noneMatch(i -> before.contains(i.instanceId())));
        assertThat(executors.stopped()).containsExactlyInAnyOrderElementsOf(before);
    }

    @Test
    void deployTestInstanceRunsExactlyOneInstanceInConfigTesting() {
        executors.add("h1");
        executors.add("h2");
        engine.submit(TestServices.create(2));

        engine.submit(new LocalServiceDeployTestInstanceOperation(SERVICE_ID));

        await().atMost(WAIT).until(() -> engine.state(SERVICE_ID).orElseThrow() == LocalServiceState.CONFIG_TESTING
                && healthy().size() == 1);
        assertThat(services.find(SERVICE_ID).orElseThrow().activationState())
                .isEqualTo(ActivationState.CONFIG_TESTING);
    }

    @Test
    void anActiveServiceKeepsItsRoomFreeOfAppsOnEligibleExecutorsOnly() {
        engine.leadershipLost(); // no monitor: the room stays empty
        var untagged = executors.add("h1");
        executors.add("h2", ExecutorState.ACTIVE, Set.of("gpu"));
        services.save(TestServices.info(ActivationState.ACTIVE, 2));
        reservations.refresh();

        try (var session = scheduler.session()) {
            var needsAll = scheduler.place(PlacementRequest.of("BILLING-1", 3, 128, new AnyPlacement())
                    .on(Set.of(untagged)), session);
            assertThat(needsAll.isPlaced()).isFalse();
            assertThat(needsAll.failure()).endsWith("1 executor: 1 keeps 2 cores and 256 MB for local services");
            assertThat(scheduler.place(PlacementRequest.of("BILLING-1", 2, 128, new AnyPlacement()), session)
                    .orElseThrow().executorId()).isEqualTo(untagged);
            assertThat(scheduler.place(PlacementRequest.of("GPU-1", 4, 128, new MatchTagPlacement("gpu")), session)
                    .isPlaced()).as("a tagged executor runs no local service, so keeps no room").isTrue();
        }
        assertThat(engine.reserved()).isEqualTo(new LocalServiceInstanceResources(2, 256, Map.of(SERVICE_ID, 2)));

        services.save(TestServices.info(ActivationState.INACTIVE, 2));
        reservations.refresh();
        assertThat(engine.reserved()).isEqualTo(LocalServiceInstanceResources.EMPTY);
    }

    @Test
    void anOperationOnABusyServiceIsAConflictUntilItIsCancelled() {
        var holding = executors.add("h1");
        executors.holdStartsOn(holding);
        activate(1);
        await().atMost(WAIT).until(() -> !executors.held().isEmpty());

        assertThatThrownBy(() -> engine.submit(new LocalServiceDeactivateOperation(SERVICE_ID)))
                .isInstanceOfSatisfying(ApiException.class,
                        e -> assertThat(e.status().getStatusCode()).isEqualTo(409))
                .hasMessage("Local service LOG_SHIPPER-1 is busy with ACTIVATE; wait or cancel it");
        assertThat(engine.state(SERVICE_ID)).contains(LocalServiceState.ACTIVATION_REQUESTED);
        assertThat(engine.cancel(SERVICE_ID)).isTrue();
        assertThat(engine.cancel("NOPE-1")).isFalse();

        executors.stopHolding();
        await().atMost(WAIT).until(() -> engine.state(SERVICE_ID).orElseThrow() == LocalServiceState.ACTIVE
                && healthy().size() == 1);
    }

    @Test
    void listenersHearEveryStateOfTheServiceAndEveryNewStateOfItsInstances() {
        var serviceStates = new CopyOnWriteArrayList<LocalServiceState>();
        var instanceStates = new CopyOnWriteArrayList<LocalServiceInstanceState>();
        engine.addStateListener((service, state) -> serviceStates.add(state));
        engine.addInstanceStateChangeListener(instance -> instanceStates.add(instance.state()));
        executors.add("h1");

        activate(1);
        await().atMost(WAIT).until(() -> serviceStates.contains(LocalServiceState.ACTIVE));
        engine.submit(new LocalServiceDeactivateOperation(SERVICE_ID));
        await().atMost(WAIT).until(() -> serviceStates.size() == 5);
        engine.submit(new LocalServiceDestroyOperation(SERVICE_ID));
        await().atMost(WAIT).until(() -> serviceStates.contains(LocalServiceState.DESTROYED));

        assertThat(serviceStates).containsExactly(LocalServiceState.INACTIVE, LocalServiceState.ACTIVATION_REQUESTED,
                LocalServiceState.ACTIVE, LocalServiceState.DEACTIVATION_REQUESTED, LocalServiceState.INACTIVE,
                LocalServiceState.DESTROY_REQUESTED, LocalServiceState.DESTROYED);
        assertThat(instanceStates).containsExactly(LocalServiceInstanceState.PENDING,
                LocalServiceInstanceState.HEALTHY, LocalServiceInstanceState.STOPPED);
    }

    @Test
    void aPausedMonitorLeavesAJoinedExecutorAloneUntilThePauseEnds() {
        var paused = new AtomicBoolean(true);
        engine.pauseMonitorWhile(paused::get);
        var first = executors.add("h1");
        activate(1);
        await().atMost(WAIT).until(() -> engine.state(SERVICE_ID).orElseThrow() == LocalServiceState.ACTIVE
                && healthyPerExecutor().equals(Map.of(first, 1L)));

        var joined = executors.add("h2");
        await().during(java.time.Duration.ofMillis(500)).atMost(WAIT)
                .until(() -> healthyPerExecutor().equals(Map.of(first, 1L)));
        paused.set(false);

        await().atMost(WAIT).until(() -> healthyPerExecutor().equals(Map.of(first, 1L, joined, 1L)));
    }

    private void activate(int instancesPerHost) {
        engine.submit(TestServices.create(instancesPerHost));
        engine.submit(new LocalServiceActivateOperation(SERVICE_ID));
    }

    private List<LocalServiceInstanceInfo> healthy() {
        return instances.instances(SERVICE_ID, Set.of(LocalServiceInstanceState.HEALTHY));
    }

    private Map<String, Long> healthyPerExecutor() {
        return healthy().stream().collect(Collectors.groupingBy(LocalServiceInstanceInfo::executorId,
                Collectors.counting()));
    }

    private static Arguments refusal(String name, ActivationState activation, LocalServiceOperation operation,
                                     int status, String message) {
        return arguments(name, activation, operation, status, message);
    }
}
