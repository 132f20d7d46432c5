package dev.drove.controller.statestore;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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

    @Test
    void documentsOfOneEntryAreStoredSideBySideAndAWholeEntryWriteWaitsForThem() throws Exception {
        var groups = new WriteThroughCache<Map<String, String>>(HashMap::new);
        groups.activate();
        var storing = new CountDownLatch(1);
        var release = new CountDownLatch(1);
        var pool = Executors.newFixedThreadPool(2);
        try {
            var slow = pool.submit(() -> groups.writeDocument("app", "AI-1", () -> {
                storing.countDown();
                awaitQuietly(release);
            }, old -> CachingGroupedStore.with(old, "AI-1", "HEALTHY")));
            assertThat(storing.await(5, TimeUnit.SECONDS)).isTrue();

            groups.writeDocument("app", "AI-2", () -> { }, old -> CachingGroupedStore.with(old, "AI-2", "PENDING"));
            var whole = pool.submit(() -> groups.write("app", () -> { }, old -> null));

            assertThat(groups.<Map<String, String>>read(copy -> copy.get("app"), () -> null)).containsOnlyKeys("AI-2");
            assertThatThrownBy(() -> whole.get(300, TimeUnit.MILLISECONDS)).isInstanceOf(TimeoutException.class);
            release.countDown();
            slow.get(5, TimeUnit.SECONDS);
            whole.get(5, TimeUnit.SECONDS);
            assertThat(groups.<Map<String, String>>read(copy -> copy.get("app"), () -> null)).isNull();
        } finally {
            release.countDown();
            pool.shutdownNow();
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
