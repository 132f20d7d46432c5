package dev.drove.controller.statestore;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** The leader's in-memory copy's change stamps and derived values, over a map standing in for ZooKeeper. */
class WriteThroughCacheTest {
    private final Map<String, String> stored = new HashMap<>(Map.of("a", "1"));
    private final WriteThroughCache<String> cache = new WriteThroughCache<>(() -> Map.copyOf(stored));

    @Test
    void inactiveItHasNoStampAndDerivedValuesComeFromTheStore() {
        var derived = cache.derived(copy -> "memory " + new TreeMap<>(copy));

        assertThat(cache.stamp()).isEmpty();
        assertThat(derived.get(() -> "store")).isEqualTo("store");
    }

    @Test
    void everyWriteMovesTheStampAndADerivedValueIsComputedOncePerChange() {
        var computed = new AtomicInteger();
        var derived = cache.derived(copy -> computed.incrementAndGet() + " " + new TreeMap<>(copy));
        cache.activate();

        assertThat(derived.get(() -> "store")).isEqualTo("1 {a=1}");
        assertThat(derived.get(() -> "store")).isEqualTo("1 {a=1}");
        var before = cache.stamp();

        cache.write("b", () -> stored.put("b", "2"), old -> "2");

        assertThat(cache.stamp()).isPresent().isNotEqualTo(before);
        assertThat(derived.get(() -> "store")).isEqualTo("2 {a=1, b=2}");
        assertThat(derived.get(() -> "store")).isEqualTo("2 {a=1, b=2}");
        assertThat(stored).containsEntry("b", "2");
    }

    @Test
    void losingAndRegainingLeadershipMovesTheStampAndReloads() {
        var derived = cache.derived(copy -> new TreeMap<>(copy).toString());
        cache.activate();
        assertThat(derived.get(() -> "store")).isEqualTo("{a=1}");
        var before = cache.stamp();

        cache.deactivate();
        stored.put("a", "changed elsewhere");
        cache.activate();

        assertThat(cache.stamp()).isPresent().isNotEqualTo(before);
        assertThat(derived.get(() -> "store")).isEqualTo("{a=changed elsewhere}");
    }
}
