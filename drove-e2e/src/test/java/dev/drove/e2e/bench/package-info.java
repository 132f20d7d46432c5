/**
 * Benchmarks of issue 11 on real processes: mains, each run by {@code scripts/bench.sh <name>}, that print their
 * figures; they are not tests and no test suite runs them. Figures and commands
 * are collected in {@code docs/performance.md}.
 *
 * <p>Vocabulary: a <b>round</b> is one repetition of a bench's measured cycle (the figures are their median and
 * worst); a <b>hold</b> is a window in which the cluster is left alone and only sampled; <b>overhead per
 * instance</b> is (figure with N instances − figure with none) / N over windows of the same length.
 *
 * <pre>
 * ContainerTimingsBench (scripts/bench.sh containers): BenchCluster (1 controller + 1 executor, real Docker)
 *   round: hold at 0 ─▶ SCALE 0→N, until N HEALTHY ─▶ hold at N ─▶ SCALE N→0, until no container runs
 *   samples: /proc/&lt;executor&gt;/stat and status, executor admin /metrics (heap, drove.docker.*,
 *            drove.executor.instances.time.*), container memory cgroups, engine processes
 *
 * ApiThroughputBench (scripts/bench.sh api): ZooKeeper ─▶ ApiPopulation.beforeStart ─▶ ApiBenchController (jar)
 *   ─▶ ApiPopulation.fill ─▶ ApiWrk (wrk --latency) per endpoint ─▶ req/s, p50/p90/p99 ─▶ next jar (compare=…)
 *
 * ControlPlaneBench (scripts/bench.sh control-plane): ZooKeeper (data dir kept) ─▶ ControllerProcess (jar)
 *   ─▶ FleetProcess × fleets (HollowFleet) ─▶ CREATE apps through DroveApi ─▶ all RUNNING ─▶ SCALE 0 ─▶ DESTROY
 *   samples: controller /proc CPU, jstat heap; ZkWriteLog reads the transaction log for bytes written per area
 * </pre>
 *
 * <p>A <b>population</b> is how the API bench fills the cluster: {@code ApiHollowPopulation} (hollow executor fleets,
 * apps created through the API) or {@code ApiSeededPopulation} (written into ZooKeeper before the controller starts).
 */
package dev.drove.e2e.bench;
