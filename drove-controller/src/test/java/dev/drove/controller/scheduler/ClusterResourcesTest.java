package dev.drove.controller.scheduler;

import dev.drove.models.application.placement.OnePerHostPlacement;
import dev.drove.models.info.nodedata.ExecutorNodeData;
import dev.drove.models.info.nodedata.NodeTransportType;
import dev.drove.models.instance.InstanceState;
import org.junit.jupiter.api.Test;

import java.util.Date;
import java.util.List;
import java.util.Random;

import static dev.drove.controller.scheduler.TestExecutors.APP;
import static dev.drove.controller.scheduler.TestExecutors.host;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ClusterResourcesTest {
    private final TestExecutors.Builder h1 = host("h1").node(4, 4096);
    private final ClusterResources resources = TestExecutors.cluster(h1);
    private final Scheduler scheduler = new Scheduler(resources, new Random(1));

    @Test
    void aReportThatDoesNotShowAPlacementYetKeepsItsCoresAllocated() {
        var placement = placeCommitted();

        resources.update(h1.build());

        assertThat(resources.coreState(h1.id(), 0)).contains(CoreState.ALLOCATED);
        assertThat(resources.coreState(h1.id(), 1)).contains(CoreState.FREE);
        var snapshot = resources.snapshot(h1.id()).orElseThrow();
        assertThat(snapshot.freeCoreCount()).isEqualTo(3);
        assertThat(snapshot.freeMemoryMB()).isEqualTo(4096 - 512);
        assertThat(snapshot.instancesOf(APP)).isEqualTo(1);
        assertThat(placement.executorId()).isEqualTo(h1.id());
    }

    @Test
    void aReportShowingTheContainerTurnsItsCoresInUse() {
        placeCommitted();

        resources.update(host("h1").node(4, 4096).instance(APP, InstanceState.STARTING,
                512, 0).build());

        assertThat(resources.coreState(h1.id(), 0)).contains(CoreState.IN_USE);
        var snapshot = resources.snapshot(h1.id()).orElseThrow();
        assertThat(snapshot.freeCoreCount()).isEqualTo(3);
        assertThat(snapshot.freeMemoryMB()).isEqualTo(4096 - 512);
        assertThat(snapshot.instancesOf(APP)).as("counted once, from the report").isEqualTo(1);
    }

    @Test
    void releasingAContainerTheExecutorReportedFreesItsCoresAndMemory() {
        var placement = placeCommitted();
        resources.update(host("h1").node(4, 4096).instance(APP, InstanceState.HEALTHY,
                512, 0).build());

        assertThat(resources.release(h1.id(), placement.allocations())).isTrue();

        assertThat(resources.coreState(h1.id(), 0)).contains(CoreState.FREE);
        assertThat(resources.snapshot(h1.id()).orElseThrow().freeMemoryMB()).isEqualTo(4096);
    }

    @Test
    void aReportOfFreedCoresFreesThemWithoutARelease() {
        resources.update(host("h1").node(4, 4096).instance(APP, 0, 1).build());
        assertThat(resources.coreState(h1.id(), 1)).contains(CoreState.IN_USE);

        resources.update(h1.build());

        assertThat(resources.coreState(h1.id(), 1)).contains(CoreState.FREE);
        assertThat(resources.snapshot(h1.id()).orElseThrow().instancesOf(APP)).isZero();
    }

    @Test
    void aRemovedExecutorTakesNothing() {
        assertThat(resources.remove(h1.id())).isTrue();
        assertThat(resources.remove(h1.id())).isFalse();

        try (var session = scheduler.session()) {
            assertThat(scheduler.place(PlacementRequest.of(APP, 1, 1, null), session).failure())
                    .isEqualTo("No executor can take 1 core and 1 MB for TEST_APP-1: no executor is known");
        }
        assertThat(resources.executorIds()).isEmpty();
        assertThat(resources.snapshot(h1.id())).isEmpty();
        assertThat(resources.release(h1.id(), List.of())).isFalse();
    }

    @Test
    void executorsAreListedInIdOrderWhateverOrderTheyArrive() {
        resources.update(host("h0").node(1, 1).build());
        resources.update(host("h2").node(1, 1).build());
        resources.update(host("h0").node(2, 1).build());

        assertThat(resources.executorIds()).containsExactly("executor-h0", "executor-h1", "executor-h2");
        assertThat(resources.snapshot("executor-h0").orElseThrow().freeCoreCount()).isEqualTo(2);
    }

    @Test
    void unknownCoresHaveNoState() {
        assertThat(resources.coreState(h1.id(), 99)).isEmpty();
        assertThat(resources.coreState("nobody", 0)).isEmpty();
    }

    @Test
    void aReportWithoutResourcesIsRefusedWithTheHostName() {
        var report = new ExecutorNodeData("h9", 3000, NodeTransportType.HTTP, new Date(), null, null, null, null,
                null, null, null);

        assertThatThrownBy(() -> resources.update(report))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("The report of executor host h9 carries no resource state, so it names no executor id");
    }

    private Placement placeCommitted() {
        try (var session = scheduler.session()) {
            var placement = scheduler.place(PlacementRequest.of(APP, 1, 512, new OnePerHostPlacement()), session)
                    .orElseThrow();
            session.commit();
            return placement;
        }
    }
}
