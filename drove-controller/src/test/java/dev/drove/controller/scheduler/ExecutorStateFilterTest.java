package dev.drove.controller.scheduler;

import dev.drove.models.application.placement.AnyPlacement;
import dev.drove.models.info.nodedata.ExecutorState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;

import static dev.drove.controller.scheduler.TestExecutors.APP;
import static dev.drove.controller.scheduler.TestExecutors.host;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** Which executor states take new work, with and without the controller's blacklist book. */
class ExecutorStateFilterTest {
    private static final String ACCEPTED = "accepted";
    private static final Blacklist NO_BOOK = Blacklist.NONE;

    static Stream<Arguments> rows() {
        return Stream.of(
                row("without a book an ACTIVE executor takes work", NO_BOOK, ExecutorState.ACTIVE, false, ACCEPTED),
                row("without a book a BLACKLISTED executor takes nothing", NO_BOOK, ExecutorState.BLACKLISTED, true,
                        "is BLACKLISTED"),
                row("without a book an executor flagged blacklisted takes nothing", NO_BOOK, ExecutorState.ACTIVE,
                        true, "is blacklisted"),
                row("without a book an UNREADY executor takes nothing", NO_BOOK, ExecutorState.UNREADY, false,
                        "is UNREADY"),
                row("the book's BLACKLIST_REQUESTED wins over a published ACTIVE",
                        book(ExecutorState.BLACKLIST_REQUESTED), ExecutorState.ACTIVE, false,
                        "is BLACKLIST_REQUESTED"),
                row("the book's BLACKLISTED wins over the ACTIVE of a restarted executor",
                        book(ExecutorState.BLACKLISTED), ExecutorState.ACTIVE, false, "is BLACKLISTED"),
                row("an executor put back takes work before it publishes ACTIVE", book(ExecutorState.ACTIVE),
                        ExecutorState.BLACKLISTED, true, ACCEPTED),
                row("an executor put back takes work even while flagged blacklisted", book(ExecutorState.ACTIVE),
                        ExecutorState.ACTIVE, true, ACCEPTED),
                row("the book does not overrule an UNREADY executor", book(ExecutorState.ACTIVE),
                        ExecutorState.UNREADY, false, "is UNREADY"),
                row("the book does not overrule a REMOVED executor", book(ExecutorState.ACTIVE),
                        ExecutorState.REMOVED, false, "is REMOVED"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void anExecutorTakesWorkOnlyWhenItIsActiveAsTheBookOrItsReportSays(String name, Blacklist blacklist,
                                                                        ExecutorState published, boolean flagged,
                                                                        String expected) {
        var executor = new ExecutorSnapshot("e1", "h1", Set.of(), published, flagged, false, List.of(), null, null);

        var verdict = new ExecutorStateFilter(blacklist).check(PlacementRequest.of(APP, 1, 128, new AnyPlacement()),
                executor);

        assertThat(verdict.accepted() ? ACCEPTED : verdict.reason()).isEqualTo(expected);
    }

    @Test
    void theSchedulerPlacesNothingOnAnExecutorTheBookHasTakenOutBeforeItSaysSoItself() {
        var h1 = host("h1").node(8, 8192);
        var h2 = host("h2").node(8, 8192);
        var scheduler = new Scheduler(TestExecutors.cluster(h1, h2), new Random(11));
        scheduler.blacklistWith(id -> Optional.of(id.equals(h1.id()) ? ExecutorState.BLACKLIST_REQUESTED
                : ExecutorState.ACTIVE));

        try (var session = scheduler.session()) {
            for (int i = 0; i < 6; i++) {
                assertThat(scheduler.place(PlacementRequest.of(APP, 1, 128, new AnyPlacement()), session)
                        .orElseThrow().executorId()).isEqualTo(h2.id());
            }
            var full = scheduler.place(PlacementRequest.of(APP, 4, 128, new AnyPlacement()), session);
            assertThat(full.failure()).isEqualTo("No executor can take 4 cores and 128 MB for TEST_APP-1: "
                    + "2 executors: 1 has no NUMA node with 4 free cores, 1 is BLACKLIST_REQUESTED");
        }
    }

    private static Blacklist book(ExecutorState state) {
        return executorId -> Optional.of(state);
    }

    private static Arguments row(String name, Blacklist blacklist, ExecutorState published, boolean flagged,
                                 String expected) {
        return arguments(name, blacklist, published, flagged, expected);
    }
}
