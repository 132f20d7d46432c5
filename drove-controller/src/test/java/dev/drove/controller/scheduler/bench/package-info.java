/**
 * The scheduler benchmark (issue 11): a simulated cluster and a million placements with churn, timed per
 * {@link dev.drove.controller.scheduler.PlacementStrategy}, then checked by a checker written apart from the
 * scheduler. Run {@link dev.drove.controller.scheduler.bench.SchedulerBench} by hand (docs/performance.md); the
 * tests here only check its parts.
 *
 * <pre>
 * BenchCluster (5,000 executors, 2 NUMA nodes x 32 cores, 1 in 10 tagged) + BenchApp.mix (5,000 apps)
 *   ─▶ BenchRun: fill to 78% of cores, then starts and random stops ─▶ Scheduler.place / release
 *        every placement and stop ─▶ PlacementLog (raw: executor, node, core mask, MB)
 *   ─▶ AllocationChecker replays the log on its own model: cores, memory, NUMA, policies, tags ─▶ PASS / FAIL
 *   ─▶ Fragmentation: empty executors, 4-core slots left
 * </pre>
 */
package dev.drove.controller.scheduler.bench;
