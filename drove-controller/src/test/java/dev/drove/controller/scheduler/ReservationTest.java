package dev.drove.controller.scheduler;

import dev.drove.models.application.placement.AnyPlacement;
import dev.drove.models.application.placement.LocalPlacement;
import dev.drove.models.instance.LocalServiceInstanceState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;

import static dev.drove.controller.scheduler.TestExecutors.APP;
import static dev.drove.controller.scheduler.TestExecutors.host;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * The room reserved for local services on a one-executor cluster of 4 cores and 4096 MB: apps and tasks must leave
 * it free, the service's own instances may use it, and instances already running fill their share.
 */
class ReservationTest {
    private static final String SERVICE = "LOG_SHIPPER-1";
    private static final String PLACED = "placed";

    static Stream<Arguments> rows() {
        return Stream.of(
                row("an app that fits beside the reservation is placed", APP, 1, 128,
                        List.of(new Reservation(SERVICE, 1, 2, 512)), host("h1").node(4, 4096), PLACED),
                row("an app that needs the reserved cores is refused", APP, 3, 128,
                        List.of(new Reservation(SERVICE, 1, 2, 512)), host("h1").node(4, 4096),
                        "keeps 2 cores and 512 MB for local services"),
                row("an app that needs the reserved memory is refused", APP, 1, 3800,
                        List.of(new Reservation(SERVICE, 1, 1, 512)), host("h1").node(4, 4096),
                        "keeps 1 core and 512 MB for local services"),
                row("instances per host multiply the reservation", APP, 3, 128,
                        List.of(new Reservation(SERVICE, 2, 1, 256)), host("h1").node(4, 4096),
                        "keeps 2 cores and 512 MB for local services"),
                row("reservations of several services add up", APP, 2, 128,
                        List.of(new Reservation(SERVICE, 1, 1, 128), new Reservation("METRICS-1", 1, 2, 128)),
                        host("h1").node(4, 4096), "keeps 3 cores and 256 MB for local services"),
                row("the service's own instance may use its room", SERVICE, 2, 512,
                        List.of(new Reservation(SERVICE, 1, 2, 512)), host("h1").node(4, 4096), PLACED),
                row("another service may not use the room", "METRICS-1", 3, 128,
                        List.of(new Reservation(SERVICE, 1, 2, 512)), host("h1").node(4, 4096),
                        "keeps 2 cores and 512 MB for local services"),
                row("a running instance of the service fills its share", APP, 3, 128,
                        List.of(new Reservation(SERVICE, 1, 1, 128)),
                        host("h1").node(4, 4096).service(SERVICE, LocalServiceInstanceState.HEALTHY, 0), PLACED),
                row("a stopped instance of the service does not fill its share", APP, 3, 128,
                        List.of(new Reservation(SERVICE, 1, 1, 128)),
                        host("h1").node(4, 4096).service(SERVICE, LocalServiceInstanceState.STOPPED, 0),
                        "keeps 1 core and 128 MB for local services"),
                row("no reservation leaves the whole executor", APP, 4, 4096, List.of(), host("h1").node(4, 4096),
                        PLACED));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void placementLeavesTheRoomOfLocalServicesFree(String name, String group, int cpus, long memoryMB,
                                                   List<Reservation> reserved, TestExecutors.Builder executor,
                                                   String expected) {
        var scheduler = new Scheduler(TestExecutors.cluster(executor), new Random(1));
        scheduler.reserveWith(snapshot -> reserved);
        var policy = group.equals(APP) ? new AnyPlacement() : new LocalPlacement(false);
        var request = PlacementRequest.of(group, cpus, memoryMB, policy).on(Set.of(executor.id()));
        try (var session = scheduler.session()) {
            var result = scheduler.place(request, session);
            if (PLACED.equals(expected)) {
                assertThat(result.isPlaced()).as(String.valueOf(result.failure())).isTrue();
            } else {
                assertThat(result.isPlaced()).isFalse();
                assertThat(result.failure()).endsWith("1 executor: 1 " + expected);
            }
        }
    }

    @Test
    void aPlacedServiceInstanceFillsItsShareForTheNextPlacementAtOnce() {
        var executor = host("h1").node(4, 4096);
        var scheduler = new Scheduler(TestExecutors.cluster(executor), new Random(1));
        scheduler.reserveWith(snapshot -> List.of(new Reservation(SERVICE, 1, 2, 512)));
        try (var session = scheduler.session()) {
            var app = PlacementRequest.of(APP, 2, 128, new AnyPlacement());
            assertThat(scheduler.place(app, session).isPlaced()).isTrue();
            assertThat(scheduler.place(app, session).isPlaced()).as("the second app takes the reserved room")
                    .isFalse();
            var service = PlacementRequest.of(SERVICE, 2, 512, new LocalPlacement(false)).on(Set.of(executor.id()));
            assertThat(scheduler.place(service, session).isPlaced()).isTrue();
        }
    }

    @Test
    void reservationsOnlyApplyWhereTheyAreGiven() {
        var scheduler = new Scheduler(TestExecutors.cluster(host("h1").node(4, 4096)), new Random(1));
        scheduler.reserveWith(snapshot -> snapshot.hostname().equals("h2")
                ? List.of(new Reservation(SERVICE, 1, 4, 128)) : List.of());
        try (var session = scheduler.session()) {
            assertThat(scheduler.place(PlacementRequest.of(APP, 4, 128, new AnyPlacement()), session).isPlaced())
                    .isTrue();
        }
    }

    private static Arguments row(String name, String group, int cpus, long memoryMB, List<Reservation> reserved,
                                 TestExecutors.Builder executor, String expected) {
        return arguments(name, group, cpus, memoryMB, reserved, executor, expected);
    }
}
