package dev.drove.controller.scheduler.bench;

import ch.qos.logback.classic.Level;
import dev.drove.controller.scheduler.PlacementStrategy;
import org.slf4j.LoggerFactory;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The scheduler benchmark (issue 11): a simulated cluster, a million placements with churn, once per placement
 * strategy, then the fragmentation each strategy left and the verdict of {@link AllocationChecker}. Not a test: run
 * it by hand from the repository root (docs/performance.md, section "Scheduler"):
 * <pre>
 * mvn -B -q -o -pl drove-controller test-compile dependency:build-classpath \
 *     -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
 * java -Xmx2g -cp drove-controller/target/test-classes:drove-controller/target/classes:$(cat \
 *     drove-controller/target/bench.classpath) dev.drove.controller.scheduler.bench.SchedulerBench
 * </pre>
 * Options (as {@code name=value} arguments): {@code executors} (5000), {@code instances} (1000000), {@code seed}
 * (11), {@code strategies} (RANDOM,BIN_PACKING). It exits with status 1 when the checker finds a violation.
 */
public final class SchedulerBench {

    /** One strategy's figures, kept after its placement log is dropped. */
    private record Column(BenchRun.Outcome outcome, long heapHighWaterMB, Fragmentation fragmentation,
                          AllocationChecker.Result check) {
    }

    private SchedulerBench() {
    }

    public static void main(String[] args) {
        ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
                .setLevel(Level.WARN);
        int executors = Integer.parseInt(option(args, "executors", "5000"));
        long instances = Long.parseLong(option(args, "instances", "1000000"));
        long seed = Long.parseLong(option(args, "seed", "11"));
        var strategies = new ArrayList<PlacementStrategy>();
        for (var name : option(args, "strategies", "RANDOM,BIN_PACKING").split(",")) {
            strategies.add(PlacementStrategy.valueOf(name.trim()));
        }

        var cluster = new BenchCluster(executors);
        var apps = BenchApp.mix(cluster, executors, new Random(seed));
        var run = new BenchRun(cluster, apps, instances, seed);
        describe(cluster, apps, run, instances);
        var columns = new ArrayList<Column>();
        for (var strategy : strategies) {
            resetHeapPeaks();
            var outcome = run.run(strategy);
            long highWater = heapHighWaterMB();
            var check = new AllocationChecker(cluster, apps).check(outcome.log());
            columns.add(new Column(withoutLog(outcome), highWater, Fragmentation.of(check.occupancy()), check));
            System.out.printf("%s done in %.1f s%n", strategy, outcome.seconds());
        }
        print(columns);
        System.exit(columns.stream().allMatch(column -> column.check().passed()) ? 0 : 1);
    }

    private static void describe(BenchCluster cluster, List<BenchApp> apps, BenchRun run, long instances) {
        System.out.printf("JVM: Java %s, max heap %,d MB, %d processors%n", Runtime.version(),
                Runtime.getRuntime().maxMemory() >> 20, Runtime.getRuntime().availableProcessors());
        System.out.printf("Cluster: %,d executors x %d NUMA nodes x %d cores, %d GB per executor; %,d carry one of "
                        + "the tags %s%n", cluster.size(), BenchCluster.NODES, BenchCluster.CORES_PER_NODE,
                BenchCluster.NODES * BenchCluster.MEMORY_PER_NODE_MB / 1024, cluster.size() - cluster.untaggedCount(),
                cluster.tagsInUse());
        System.out.printf("Apps: %,d (by index mod 20: 10 ANY, 3 ONE_PER_HOST, 5 MAX_N_PER_HOST 2-4, 2 MATCH_TAG); "
                + "instance sizes: %s; mean %.2f cores%n", apps.size(), sizes(apps), BenchApp.meanCpus(apps));
        System.out.printf("Workload: %,d starts of random apps. The cluster holds %,d cores, so: fill to %,d running "
                        + "(about %.0f%% of cores), then the other starts mixed with random stops until %,d run; "
                        + "every start is a placement, timed with its stops%n%n", instances, cluster.totalCores(),
                run.peak(), 100.0 * run.peak() * BenchApp.meanCpus(apps) / cluster.totalCores(),
                (int) (run.peak() * BenchRun.FINAL_SHARE));
    }

    private static String sizes(List<BenchApp> apps) {
        var counts = new TreeMap<String, Integer>();
        apps.forEach(app -> counts.merge(app.cpus() + "c", 1, Integer::sum));
        long min = apps.stream().mapToLong(BenchApp::memoryMB).min().orElse(0);
        long max = apps.stream().mapToLong(BenchApp::memoryMB).max().orElse(0);
        var shares = new StringBuilder();
        counts.forEach((size, count) -> shares.append(shares.length() == 0 ? "" : " ").append(size).append(' ')
                .append(Math.round(100.0 * count / apps.size())).append('%'));
        return shares + ", " + min + " MB to " + max / 1024 + " GB";
    }

    private static void print(List<Column> columns) {
        System.out.println();
        row("", columns, column -> column.outcome().strategy().name());
        row("executors", columns, column -> "%,d".formatted(column.outcome().executors()));
        row("instances requested", columns, column -> "%,d".formatted(column.outcome().requested()));
        row("placed", columns, column -> "%,d".formatted(column.outcome().placed()));
        row("not placed", columns, column -> "%,d".formatted(column.outcome().failed()));
        row("seconds", columns, column -> "%.2f".formatted(column.outcome().seconds()));
        row("placements/s", columns, column -> "%,.0f".formatted(column.outcome().placementsPerSecond()));
        row("CPU seconds of the placing thread", columns, column -> "%.2f".formatted(column.outcome().cpuSeconds()));
        row("peak live heap after GC (MB)", columns, column -> "%,d".formatted(column.outcome().liveHeapMB()));
        row("heap high-water mark (MB)", columns, column -> "%,d".formatted(column.heapHighWaterMB()));
        System.out.println("After churn:");
        row("  running instances (peak)", columns, column -> "%,d (%,d)".formatted(column.outcome().running(),
                column.outcome().peak()));
        row("  empty executors (releasable)", columns,
                column -> "%,d".formatted(column.fragmentation().emptyExecutors()));
        row("  4-core 4 GB instances that fit", columns,
                column -> "%,d".formatted(column.fragmentation().fourCoreSlots()));
        System.out.println("Independent checker:");
        columns.forEach(column -> System.out.printf("  %-12s %s%n", column.outcome().strategy(),
                column.check().verdict()));
        columns.stream().filter(column -> column.outcome().firstFailure() != null).forEach(column ->
                System.out.printf("First placement %s could not make: %s%n", column.outcome().strategy(),
                        column.outcome().firstFailure()));
    }

    private static void row(String label, List<Column> columns, Function<Column, String> value) {
        var line = new StringBuilder("%-34s".formatted(label));
        columns.forEach(column -> line.append("%18s".formatted(value.apply(column))));
        System.out.println(line);
    }

    private static BenchRun.Outcome withoutLog(BenchRun.Outcome o) {
        return new BenchRun.Outcome(o.strategy(), o.executors(), o.requested(), o.placed(), o.failed(), o.peak(),
                o.running(), o.nanos(), o.cpuNanos(), o.liveHeapMB(), o.firstFailure(), null);
    }

    private static void resetHeapPeaks() {
        BenchRun.liveHeapMB();
        heapPools().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    /** The most heap the run had in use at once, garbage included (sum of the heap pools' peaks). */
    private static long heapHighWaterMB() {
        return heapPools().stream().mapToLong(pool -> pool.getPeakUsage().getUsed()).sum() >> 20;
    }

    private static List<MemoryPoolMXBean> heapPools() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(pool -> pool.getType() == MemoryType.HEAP)
                .toList();
    }

    private static String option(String[] args, String name, String fallback) {
        for (var arg : args) {
            if (arg.startsWith(name + "=")) {
                return arg.substring(name.length() + 1);
            }
        }
        return fallback;
    }
}
