package dev.drove.controller.events;

import dev.drove.models.events.ClusterEvent;
import dev.drove.models.events.ClusterEventDataTag;
import dev.drove.models.events.DroveEvent;
import dev.drove.models.events.DroveEventType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The event window: which events a sync call gets, how big it grows and when events expire. */
class EventWindowTest {
    private static final long NOW = 10_000_000L;
    private static final Duration HOUR = Duration.ofHours(1);

    /** Events named by a label (in HOSTNAME) at {@link #at} 100 (a), 200 (b, c), 300 (d) and 400 (e). */
    private static EventWindow sample() {
        var window = new EventWindow(100, HOUR, new TestClock(NOW));
        window.add(event("a", 100));
        window.add(event("b", 200));
        window.add(event("c", 200));
        window.add(event("d", 300));
        window.add(event("e", 400));
        return window;
    }

    static Stream<Arguments> pages() {
        return Stream.of(
                Arguments.of("the first sync (0) gets every event, oldest first", 0, 1024, "abcde"),
                Arguments.of("only events after lastSyncTime come back", 200, 1024, "de"),
                Arguments.of("an event at lastSyncTime itself was seen already", 100, 1024, "bcde"),
                Arguments.of("size keeps the oldest ones, so the next sync goes on from there", 0, 1, "a"),
                Arguments.of("a page never ends inside a millisecond", 0, 2, "a"),
                Arguments.of("a page that fits a millisecond whole takes it", 0, 3, "abc"),
                Arguments.of("a millisecond bigger than the page is returned whole", 100, 1, "bc"),
                Arguments.of("nothing after lastSyncTime is an empty page", 400, 1024, ""),
                Arguments.of("a lastSyncTime in the future is an empty page", NOW + 5, 1024, ""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pages")
    void aSyncCallGetsTheEventsAfterItsLastSyncTime(String rule, long lastSync, int size, String expected) {
        assertThat(labels(sample().page(at(lastSync), size))).isEqualTo(expected);
    }

    @Test
    void pagingWithTheLastSyncTimeOfEachAnswerLosesNoEvent() {
        var window = sample();
        var seen = new StringBuilder();
        long lastSync = 0;
        for (int call = 0; call < 10; call++) {
            var page = window.page(lastSync, 2);
            if (page.isEmpty()) {
                break;
            }
            seen.append(labels(page));
            lastSync = page.get(page.size() - 1).time().getTime();
        }
        assertThat(seen).hasToString("abcde");
    }

    @Test
    void aFullWindowDropsItsOldestEvent() {
        var window = new EventWindow(3, HOUR, new TestClock(NOW));
        for (var label : List.of("a", "b", "c", "d", "e")) {
            window.add(event(label, label.charAt(0)));
        }
        assertThat(window.size()).isEqualTo(3);
        assertThat(labels(window.since(0))).isEqualTo("cde");
    }

    @Test
    void eventsOlderThanTheRetentionAreNeverAnsweredAndAreDropped() {
        var clock = new TestClock(NOW);
        var window = new EventWindow(100, HOUR, clock);
        window.add(new ClusterEvent(DroveEventType.LEADERSHIP_ACQUIRED, UUID.randomUUID(),
                new Date(NOW - Duration.ofMinutes(50).toMillis()), Map.of(ClusterEventDataTag.HOSTNAME, "old")));
        window.add(new ClusterEvent(DroveEventType.LEADERSHIP_ACQUIRED, UUID.randomUUID(),
                new Date(NOW - Duration.ofMinutes(10).toMillis()), Map.of(ClusterEventDataTag.HOSTNAME, "new")));
        assertThat(window.since(0)).hasSize(2);

        clock.advance(Duration.ofMinutes(20));

        assertThat(window.since(0)).extracting(e -> e.metadata().get(ClusterEventDataTag.HOSTNAME))
                .containsExactly("new");
        assertThat(window.size()).as("kept until dropped").isEqualTo(2);
        assertThat(window.dropExpired()).isEqualTo(1);
        assertThat(window.size()).isEqualTo(1);

        clock.advance(Duration.ofMinutes(40));
        window.add(new ClusterEvent(DroveEventType.LEADERSHIP_ACQUIRED, UUID.randomUUID(), new Date(clock.millis()),
                Map.of(ClusterEventDataTag.HOSTNAME, "fresh")));
        assertThat(labels(window.since(0))).as("adding drops what expired").isEqualTo("fresh");
        assertThat(window.size()).isEqualTo(1);
    }

    @Test
    void aWindowHoldsAtLeastOneEvent() {
        assertThatThrownBy(() -> new EventWindow(0, HOUR, new TestClock(NOW)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 1");
    }

    @Test
    void theBusAnswersTheTimeOfTheNewestEventReturnedOrTheCallersWhenThereIsNone() {
        var bus = new EventBus(100, HOUR, new TestClock(NOW));
        bus.publish(event("a", 100));
        bus.publish(event("b", 200));
        bus.publish(new ClusterEvent(DroveEventType.MAINTENANCE_MODE_SET, UUID.randomUUID(), new Date(at(300)),
                Map.of()));

        var all = bus.latest(0, 1024);
        assertThat(all.events()).hasSize(3);
        assertThat(all.lastSyncTime()).isEqualTo(at(300));
        var first = bus.latest(0, 1);
        assertThat(first.lastSyncTime()).isEqualTo(at(100));
        var none = bus.latest(at(300), 1024);
        assertThat(none.events()).isEmpty();
        assertThat(none.lastSyncTime()).isEqualTo(at(300));

        var summary = bus.summary(at(100));
        assertThat(summary.eventsCount()).containsExactlyInAnyOrderEntriesOf(Map.of(
                DroveEventType.LEADERSHIP_ACQUIRED, 1L, DroveEventType.MAINTENANCE_MODE_SET, 1L));
        assertThat(summary.lastSyncTime()).isEqualTo(at(300));
        assertThat(bus.summary(at(300)).eventsCount()).isEmpty();
        assertThat(bus.summary(at(300)).lastSyncTime()).isEqualTo(at(300));
    }

    /** A small offset {@code time} as epoch millis just before NOW; 0 and times past NOW as they are. */
    private static long at(long time) {
        return time <= 0 || time > NOW ? time : NOW - 1000 + time;
    }

    private static DroveEvent event(String label, long time) {
        return new ClusterEvent(DroveEventType.LEADERSHIP_ACQUIRED, UUID.randomUUID(), new Date(at(time)),
                Map.of(ClusterEventDataTag.HOSTNAME, label));
    }

    private static String labels(List<DroveEvent> events) {
        var labels = new StringBuilder();
        events.forEach(e -> labels.append(e.metadata().get(ClusterEventDataTag.HOSTNAME)));
        return labels.toString();
    }
}
