/**
 * The web console (issue 8): a hand-written single-page app served from the controller jar, and the one call it needs
 * beyond the public API.
 *
 * <p>Vocabulary: an <b>asset</b> is a file of the page under the classpath folder {@code /console} (the page itself,
 * its ES modules, its style sheet and icon), served by {@link dev.drove.controller.console.ConsoleAssets}; the
 * <b>session</b> is who the browser is logged in as and what that user may do, answered by
 * {@link dev.drove.controller.console.SessionResource}. Everything else the console shows comes from the documented
 * JSON API under {@code /apis/v1}, polled every second or two, so a follower controller shows the same data (it
 * forwards those calls to the leader).
 *
 * <pre>
 * browser ─▶ GET /                      ─▶ ConsoleAssets: index.html (user auth applies like everywhere else)
 *         ─▶ GET /console/js/app.js …   ─▶ ConsoleAssets: classpath /console/**, ETag + revalidation
 *         ─▶ GET /apis/v1/ui/session    ─▶ SessionResource: {user, role, canWrite, canMaintain, canReadLogs}
 *         ─▶ GET /apis/v1/cluster …     ─▶ the public API (forwarded to the leader by a follower)
 * </pre>
 * The session only decides which buttons are drawn: the API refuses a write by a read-only user anyway.
 */
package dev.drove.controller.console;
