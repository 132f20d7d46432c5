/**
 * Scheduler: chooses the executor and the exact NUMA cores and memory for one container, and says why when it cannot.
 *
 * <p>Vocabulary (docs: snippets/common_configs.md "Placement Policy Specification"; drove-contract.md §2.5 and §3
 * "Allocation"):
 * <ul>
 *     <li><b>Group key</b>: what a placement policy counts per executor: an appId ({@code {name, version}}), a
 *     task's {@code sourceAppName-taskId}, or a local service's id.</li>
 *     <li><b>Cluster resources</b> ({@link dev.drove.controller.scheduler.ClusterResources}): the controller's live
 *     book of every executor's cores, each FREE, ALLOCATED (placed here but not yet reported by the executor) or
 *     IN_USE (reported), and its free memory per NUMA node.</li>
 *     <li><b>Executor snapshot</b> ({@link dev.drove.controller.scheduler.ExecutorSnapshot}): an immutable view of
 *     one executor that the filters read.</li>
 *     <li><b>Node filter</b>: one rule that keeps or rejects an executor and always gives a reason, written as a
 *     singular predicate ("lacks tag gpu") so that a failure can count equal reasons ("2 lack tag gpu").</li>
 *     <li><b>Tag rule</b>: every executor carries its hostname as a tag; one with any other tag takes only work whose
 *     policy asks for one of its tags through MATCH_TAG. The other policies see a hostname-only executor as
 *     untagged.</li>
 *     <li><b>Placement session</b> ({@link dev.drove.controller.scheduler.PlacementSession}): what one operation
 *     has placed; commit keeps it, rollback (or closing without commit) frees it.</li>
 *     <li><b>Placement strategy</b> ({@link dev.drove.controller.scheduler.PlacementStrategy}, controller option
 *     {@code placementStrategy}): the order executors are tried in. RANDOM (default) spreads containers;
 *     BIN_PACKING tries the fullest executor that fits first (fewest free cores), so whole executors stay free.</li>
 *     <li><b>Pool</b> ({@link dev.drove.controller.scheduler.ExecutorPools}): the executors a policy can reach under
 *     the tag rule (the untagged ones, or the carriers of one MATCH_TAG tag); the scheduler looks there first, so a
 *     placement in a large cluster touches a few executors, not all of them.</li>
 * </ul>
 *
 * <p>Flow of one {@link dev.drove.controller.scheduler.Scheduler#place place}:
 * <pre>
 * the policy's pool ──RANDOM: lazy shuffle | BIN_PACKING: fewest free cores first──▶ for each, under its lock:
 *     state ACTIVE, not blacklisted ─▶ tag rule ─▶ policy filter ─▶ room reserved for local services (other groups)
 *     ─▶ NUMA allocator (one node: N whole cores, M MB)
 *         accepted ─▶ cores ALLOCATED in the book, placement recorded in the session ─▶ Placement
 *         rejected ─▶ next candidate (reasons are not even formatted)
 * nothing in the pool (or no pool: COMPOSITE, LOCAL, a request naming its candidates) ─▶ every candidate (the
 *     request's, or every known executor) in the strategy's order, each reason kept
 * none left ─▶ "No executor can take 2 cores and 512 MB for APP-1: 3 executors: 2 lack tag gpu, 1 has …"
 * executor report ─▶ ClusterResources.update: report's free/used cores, plus soft allocations it does not show yet
 * </pre>
 */
package dev.drove.controller.scheduler;
