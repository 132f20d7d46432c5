package dev.drove.e2e;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Watches {@code docker ps} in the background (every {@code periodMillis}) while a fault is injected, so a test can
 * say what was true at <em>every</em> sample, not just at the end: the most containers an app ever had running at
 * once, and every container id it ever had.
 */
final class ContainerSampler implements AutoCloseable {
    private final ClusterProbe probe;
    private final List<String> appIds;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    private final Map<String, Integer> most = new ConcurrentHashMap<>();
    private final Map<String, Integer> fewest = new ConcurrentHashMap<>();
    private final Map<String, Set<String>> seen = new ConcurrentHashMap<>();
    private final AtomicInteger samples = new AtomicInteger();

    ContainerSampler(ClusterProbe probe, Collection<String> appIds, long periodMillis) {
        this.probe = probe;
        this.appIds = List.copyOf(appIds);
        timer.scheduleAtFixedRate(this::sample, 0, periodMillis, TimeUnit.MILLISECONDS);
    }

    private void sample() {
        try {
            for (var appId : appIds) {
                var containers = probe.containers(appId);
                most.merge(appId, containers.size(), Math::max);
                fewest.merge(appId, containers.size(), Math::min);
                seen.computeIfAbsent(appId, id -> ConcurrentHashMap.newKeySet()).addAll(containers.values());
            }
            samples.incrementAndGet();
        } catch (RuntimeException dockerBusy) {
            // a failed docker ps is no sample; the next one comes in a period
        }
    }

    int samples() {
        return samples.get();
    }

    /** The most running containers {@code appId} had in any sample. */
    int most(String appId) {
        return most.getOrDefault(appId, 0);
    }

    /** The fewest running containers {@code appId} had in any sample. */
    int fewest(String appId) {
        return fewest.getOrDefault(appId, 0);
    }

    /** Every container id of {@code appId} seen running in any sample. */
    Set<String> seen(String appId) {
        return new HashSet<>(seen.getOrDefault(appId, Set.of()));
    }

    @Override
    public void close() throws InterruptedException {
        timer.shutdown();
        timer.awaitTermination(10, TimeUnit.SECONDS);
    }
}
