package dev.drove.controller.scheduler;

import dev.drove.models.application.placement.OnePerHostPlacement;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static dev.drove.controller.scheduler.TestExecutors.APP;
import static dev.drove.controller.scheduler.TestExecutors.host;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PlacementSessionTest {
    private final ClusterResources resources = TestExecutors.cluster(host("h1").node(4, 4096),
            host("h2").node(4, 4096));
    private final Scheduler scheduler = new Scheduler(resources, new Random(11));

    @Test
    void onePerHostSeesWhatTheSameOperationAlreadyPlaced() {
        try (var session = scheduler.session()) {
            var request = PlacementRequest.of(APP, 1, 128, new OnePerHostPlacement());
            var first = scheduler.place(request, session).orElseThrow();
            var second = scheduler.place(request, session).orElseThrow();
            var third = scheduler.place(request, session);

            assertThat(first.executorId()).isNotEqualTo(second.executorId());
            assertThat(third.failure()).isEqualTo("No executor can take 1 core and 128 MB for TEST_APP-1: "
                    + "2 executors: 2 run an instance of TEST_APP-1 already");
            assertThat(session.instancesOn(first.executorId())).isEqualTo(1);
            session.commit();
        }
    }

    @Test
    void rollbackFreesEverythingTheSessionPlaced() {
        var session = scheduler.session();
        var placement = scheduler.place(PlacementRequest.of(APP, 3, 1000, null), session).orElseThrow();
        scheduler.place(PlacementRequest.of(APP, 3, 1000, null), session).orElseThrow();

        session.rollback();

        assertThat(session.placements()).isEmpty();
        assertEverythingFree();
        assertThat(resources.coreState(placement.executorId(), 0)).contains(CoreState.FREE);
    }

    @Test
    void closingWithoutCommitRollsBack() {
        try (var session = scheduler.session()) {
            scheduler.place(PlacementRequest.of(APP, 4, 4096, null), session).orElseThrow();
        }

        assertEverythingFree();
    }

    @Test
    void commitKeepsThePlacementsAfterClose() {
        try (var session = scheduler.session()) {
            scheduler.place(PlacementRequest.of(APP, 4, 4096, null), session).orElseThrow();
            session.commit();
        }

        assertThat(resources.executorIds().stream()
                .mapToInt(id -> resources.snapshot(id).orElseThrow().freeCoreCount()).sum()).isEqualTo(4);
    }

    @Test
    void anEndedSessionTakesNoMorePlacements() {
        var session = scheduler.session();
        session.commit();

        assertThatThrownBy(() -> scheduler.place(PlacementRequest.of(APP, 1, 1, null), session))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("The placement session for TEST_APP-1 has ended");
        assertThatThrownBy(session::rollback).hasMessage("This placement session is already committed");
        assertEverythingFree();
    }

    @Test
    void aSessionOfAnotherBookIsRefused() {
        var foreign = new PlacementSession(new ClusterResources());

        assertThatThrownBy(() -> scheduler.place(PlacementRequest.of(APP, 1, 1, null), foreign))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private void assertEverythingFree() {
        for (var id : resources.executorIds()) {
            var snapshot = resources.snapshot(id).orElseThrow();
            assertThat(snapshot.freeCoreCount()).as(id).isEqualTo(4);
            assertThat(snapshot.freeMemoryMB()).as(id).isEqualTo(4096);
            assertThat(snapshot.instancesOf(APP)).as(id).isZero();
        }
    }
}
