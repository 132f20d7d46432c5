package dev.drove.controller.scheduler.bench;

import dev.drove.models.application.placement.AnyPlacement;
import dev.drove.models.application.placement.MatchTagPlacement;
import dev.drove.models.application.placement.MaxNPerHostPlacement;
import dev.drove.models.application.placement.OnePerHostPlacement;
import dev.drove.models.application.placement.PlacementPolicy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * One simulated application: every instance has the same size and placement policy.
 *
 * @param maxLive the most instances the workload keeps running at once, so ONE_PER_HOST and MAX_N_PER_HOST apps
 *                never ask for more than the untagged executors can hold
 */
record BenchApp(String groupKey, PlacementPolicy policy, int cpus, long memoryMB, int maxLive) {

    /**
     * The apps of the benchmark, one per executor: by index modulo 20, ten ANY, three ONE_PER_HOST, five
     * MAX_N_PER_HOST (2, 3 or 4) and two MATCH_TAG (the cluster's tags in turn). Sizes: 70% 1 core, 20% 2, 5% 3,
     * 5% 4; memory 128 MB to 2 GB per core; every tenth app is a 1-core 8 GB one.
     */
    static List<BenchApp> mix(BenchCluster cluster, int count, Random random) {
        var tags = cluster.tagsInUse();
        var apps = new ArrayList<BenchApp>(count);
        int untagged = cluster.untaggedCount();
        for (int k = 0; k < count; k++) {
            PlacementPolicy policy;
            int maxLive = Integer.MAX_VALUE;
            int slot = k % 20;
            if (slot < 10 || (slot >= 18 && tags.isEmpty())) {
                policy = new AnyPlacement();
            } else if (slot < 13) {
                policy = new OnePerHostPlacement();
                maxLive = untagged / 2;
            } else if (slot < 18) {
                int max = 2 + slot % 3;
                policy = new MaxNPerHostPlacement(max);
                maxLive = max * untagged / 2;
            } else {
                policy = new MatchTagPlacement(tags.get((k / 20 + slot) % tags.size()));
            }
            int cpus;
            long memoryMB;
            if (k % 10 == 7) {
                cpus = 1;
                memoryMB = 8192;
            } else {
                int dice = random.nextInt(100);
                cpus = dice < 70 ? 1 : dice < 90 ? 2 : dice < 95 ? 3 : 4;
                memoryMB = cpus * (128L << random.nextInt(5));
            }
            apps.add(new BenchApp("BENCH_APP_" + k + "-1", policy, cpus, memoryMB, Math.max(1, maxLive)));
        }
        return List.copyOf(apps);
    }

    /** The mean cores of an instance when every app is started equally often. */
    static double meanCpus(List<BenchApp> apps) {
        return apps.stream().mapToInt(BenchApp::cpus).average().orElse(1);
    }
}
