/**
 * Blacklisting: taking executors out of rotation for planned maintenance, and putting them back (docs:
 * cluster/maintenance.md "Executor blacklisting"; apis/cluster.md; contract Appendix A).
 *
 * <p>Vocabulary: the <b>book</b> ({@link dev.drove.controller.blacklist.BlacklistBook}) is the controller's list of
 * executors out of rotation, stored at {@code /blacklist/{executorId}} so a new leader keeps it; the scheduler trusts
 * it over what an executor publishes. An executor in it is <b>BLACKLIST_REQUESTED</b> while its application instances
 * are <b>moved</b> (a REPLACE_INSTANCES of exactly those instances: a replacement starts elsewhere and is HEALTHY
 * before the old one stops), then <b>BLACKLISTED</b>. A <b>pass</b> is one round of telling executors, moving and
 * confirming. Tasks run to their end and local service instances (one set per host) stay: neither is moved.
 *
 * <pre>
 * POST /apis/v1/cluster/executors/blacklist?id=A&amp;id=B ─▶ BlacklistResource (refused in maintenance)
 *     ─▶ Blacklisting.blacklist: unknown ids ─▶ failed
 *        known ─▶ book: A BLACKLIST_REQUESTED (ZK, then memory) ─▶ scheduler places nothing on A from now on
 *              ─▶ EXECUTOR_BLACKLIST_REQUESTED ─▶ wake a pass
 * BlacklistPass (leader, after each request and every 5 s; skipped in maintenance):
 *     RotationSync: BLACKLISTED in the book but publishing ACTIVE ─BLACKLIST─▶ executor; not in the book but
 *                   publishing blacklisted ─UNBLACKLIST─▶ executor
 *     Move.plan: one move per app with active instances on booked executors, by appId
 *         ─▶ Migration.move: REPLACE_INSTANCES(those ids, parallelism 1) ─▶ wait until the app's op has ended
 *     BLACKLIST_REQUESTED executor with no app instance left ─▶ BLACKLISTED ─▶ EXECUTOR_BLACKLISTED ─BLACKLIST─▶ it
 * POST /apis/v1/cluster/executors/unblacklist?id=A ─▶ book: A removed ─▶ takes work at once
 *     ─▶ EXECUTOR_UN_BLACKLISTED ─UNBLACKLIST─▶ A (again on each pass until A publishes ACTIVE)
 * </pre>
 */
package dev.drove.controller.blacklist;
