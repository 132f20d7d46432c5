package dev.drove.controller.scheduler;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class GroupCountsTest {

    @Test
    void randomChangesAgreeWithAHashMapModel() {
        var random = new Random(42);
        var counts = GroupCounts.EMPTY;
        var model = new HashMap<String, Integer>();
        for (int step = 0; step < 5000; step++) {
            var key = "APP-" + random.nextInt(60);
            int delta = random.nextInt(3) - 1;
            counts = counts.plus(key, delta);
            model.merge(key, delta, Integer::sum);
            model.values().removeIf(count -> count <= 0);

            assertThat(counts.countOf(key)).isEqualTo(model.getOrDefault(key, 0));
        }
        assertThat(counts).isEqualTo(model);
        assertThat(GroupCounts.of(model)).isEqualTo(model);
        assertThat(new ExecutorSnapshot("e1", "h1", null, null, false, false, null, counts, null).instances())
                .as("snapshots take the counts as they are").isSameAs(counts);
    }

    @Test
    void aCountThatDropsToZeroLeavesTheMapAndAnEarlierMapIsUnchanged() {
        var one = GroupCounts.EMPTY.plus("A", 1);
        var none = one.plus("A", -1);

        assertThat(none).isEmpty();
        assertThat(none.get("A")).isNull();
        assertThat(one).isEqualTo(Map.of("A", 1));
        assertThat(GroupCounts.EMPTY.plus("A", -1)).isEmpty();
    }

    @Test
    void keysWithTheSameHashAreKeptApart() {
        var counts = GroupCounts.EMPTY.plus("Aa", 1).plus("BB", 2); // "Aa".hashCode() == "BB".hashCode()

        assertThat(counts).isEqualTo(Map.of("Aa", 1, "BB", 2));
        assertThat(counts.plus("Aa", -1)).isEqualTo(Map.of("BB", 2));
    }
}
