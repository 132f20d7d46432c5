package dev.drove.controller.scheduler.bench;

import com.codahale.metrics.MetricRegistry;
import dev.drove.controller.scheduler.ClusterResources;
import dev.drove.controller.scheduler.Placement;
import dev.drove.controller.scheduler.PlacementRequest;
import dev.drove.controller.scheduler.PlacementStrategy;
import dev.drove.controller.scheduler.Scheduler;

import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * One run of the benchmark workload with one strategy. The cluster holds {@code executors × 64} cores, far fewer
 * than a million containers need, so the workload is a fill followed by churn: it starts containers of random apps
 * until {@link #FILL} of the cores are used (the peak), then starts the rest while stopping random running ones,
 * with more stops than starts so that at the end {@link #FINAL_SHARE} of the peak is still running. Every start is
 * one placement in a session of its own; every stop releases its placement. The clock runs over all of it and
 * stops only for the heap probes.
 */
final class BenchRun {
    static final double FILL = 0.78;
    static final double FINAL_SHARE = 0.6;

    /** What a run did; {@code log} holds every placement and stop for the checker. */
    record Outcome(PlacementStrategy strategy, int executors, long requested, long placed, long failed, int peak,
                   int running, long nanos, long cpuNanos, long liveHeapMB, String firstFailure,
                   PlacementLog log) {
        double seconds() {
            return nanos / 1e9;
        }

        double cpuSeconds() {
            return cpuNanos / 1e9;
        }

        double placementsPerSecond() {
            return placed / seconds();
        }
    }

    private final BenchCluster cluster;
    private final List<BenchApp> apps;
    private final long instances;
    private final long seed;

    BenchRun(BenchCluster cluster, List<BenchApp> apps, long instances, long seed) {
        this.cluster = cluster;
        this.apps = List.copyOf(apps);
        this.instances = instances;
        this.seed = seed;
    }

    /** How many containers run at the peak: {@link #FILL} of the cores, at most half of all starts. */
    int peak() {
        long byCores = (long) (FILL * cluster.totalCores() / BenchApp.meanCpus(apps));
        return (int) Math.max(1, Math.min(byCores, instances / 2));
    }

    Outcome run(PlacementStrategy strategy) {
        var resources = new ClusterResources();
        for (int i = 0; i < cluster.size(); i++) {
            resources.update(cluster.report(i));
        }
        var scheduler = new Scheduler(resources, strategy, new Random(seed), new MetricRegistry());
        var requests = apps.stream().map(app -> PlacementRequest.of(app.groupKey(), app.cpus(), app.memoryMB(),
                app.policy())).toArray(PlacementRequest[]::new);
        var random = new Random(seed ^ 0x5DEECE66DL);
        var log = new PlacementLog(cluster);
        var held = new Placement[(int) Math.min(Integer.MAX_VALUE - 8, instances)];
        var live = new int[1024];
        int liveCount = 0;
        var liveByApp = new int[apps.size()];
        int peak = peak();
        long starts = instances - peak;
        long stops = starts + peak - (long) (peak * FINAL_SHARE);
        long steps = peak + starts + stops;
        long placed = 0;
        long failed = 0;
        long liveHeap = 0;
        String firstFailure = null;

        var threads = ManagementFactory.getThreadMXBean();
        long cpuBegan = threads.getCurrentThreadCpuTime();
        long began = System.nanoTime();
        for (long step = 0; step < steps; step++) {
            if (step == peak) {
                long paused = System.nanoTime();
                liveHeap = Math.max(liveHeap, liveHeapMB());
                began += System.nanoTime() - paused;
            }
            boolean churn = step >= peak;
            if (churn && liveCount > 0 && (starts == 0 || random.nextDouble() * (starts + stops) < stops)) {
                stops--;
                int pick = random.nextInt(liveCount);
                int instance = live[pick];
                live[pick] = live[--liveCount];
                var placement = held[instance];
                held[instance] = null;
                scheduler.release(placement.executorId(), placement.allocations());
                log.stopped(instance);
                liveByApp[log.app(instance)]--;
                continue;
            }
            if (churn) {
                starts--;
            }
            int app = pickApp(random, liveByApp);
            try (var session = scheduler.session()) {
                var result = scheduler.place(requests[app], session);
                if (!result.isPlaced()) {
                    failed++;
                    firstFailure = firstFailure == null ? result.failure() : firstFailure;
                    continue;
                }
                session.commit();
                placed++;
                int instance = log.started(app, result.orElseThrow());
                held[instance] = result.orElseThrow();
                if (liveCount == live.length) {
                    live = Arrays.copyOf(live, live.length * 2);
                }
                live[liveCount++] = instance;
                liveByApp[app]++;
            }
        }
        long nanos = System.nanoTime() - began;
        long cpuNanos = threads.getCurrentThreadCpuTime() - cpuBegan;
        liveHeap = Math.max(liveHeap, liveHeapMB());
        return new Outcome(strategy, cluster.size(), placed + failed, placed, failed, peak, liveCount, nanos,
                cpuNanos, liveHeap, firstFailure, log);
    }

    /** A random app that runs fewer instances than its limit. */
    private int pickApp(Random random, int[] liveByApp) {
        while (true) {
            int app = random.nextInt(apps.size());
            if (liveByApp[app] < apps.get(app).maxLive()) {
                return app;
            }
        }
    }

    /** Heap in use right after a full collection: what the run holds, without its garbage. */
    static long liveHeapMB() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() >> 20;
    }
}
