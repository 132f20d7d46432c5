package dev.drove.common.testkit;

/**
 * The images the kit builds locally (never pulled, never pushed). {@link TestImages#ensureBuilt} builds them from
 * {@code src/test/resources/test-images/<context>/} plus a static busybox.
 */
public enum TestImage {
    /**
     * busybox httpd in the foreground on {@code $PORT} (default 8000, exposed); stops at once on SIGTERM. Logs
     * "drove-test-app listening on PORT" at start and one line per request.
     * <ul>
     *   <li>{@code GET /}: 200 "drove-test-app is up"</li>
     *   <li>{@code GET /cgi-bin/health} (also {@code /health/}; {@code /health} redirects there): 200, or 500 after
     *       {@code /cgi-bin/flip?fail} or {@code docker exec <c> flip-health fail}; {@code ?pass} heals</li>
     *   <li>{@code GET /cgi-bin/ready} (also {@code /ready/}): 200, or 503 after {@code flip?unready}; {@code ?ready}
     *       undoes it</li>
     *   <li>{@code GET /cgi-bin/prestop}: appends "prestop &lt;UTC time&gt;" to /tmp/prestop.log, answers 200</li>
     *   <li>{@code GET /cgi-bin/file?/abs/path}: the file's content (404 if absent); {@code GET /cgi-bin/env}: the
     *       environment, sorted</li>
     *   <li>commands for CMD checks and hooks: {@code check health|ready} (exit 0/1), {@code prestop},
     *       {@code flip-health fail|pass|unready|ready}</li>
     * </ul>
     */
    APP("drove-test/app:latest", "app"),
    /**
     * Prints "iteration i of N" {@code $ITERATIONS} times (default 3), sleeping {@code $SLEEP_SECONDS} (default 1, may
     * be 0) after each, then exits with {@code $EXIT_CODE} (default 0). SIGTERM ends it at once with 143.
     */
    TASK("drove-test/task:latest", "task");

    private final String reference;
    private final String context;

    TestImage(String reference, String context) {
        this.reference = reference;
        this.context = context;
    }

    /** The tag to run, e.g. {@code drove-test/app:latest}. */
    public String reference() {
        return reference;
    }

    /** The classpath folder holding the build context. */
    String contextResource() {
        return "/test-images/" + context;
    }
}
