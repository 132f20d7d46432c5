package dev.drove.e2e.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * Runs <a href="https://github.com/wg/wrk">wrk</a> against one URL and reads its summary: requests per second, the
 * latency percentiles of {@code --latency}, and the count of non-2xx/3xx answers and socket errors.
 * {@link #ensureInstalled()} installs Debian's package when wrk is missing.
 */
final class ApiWrk {
    private static final Pattern PERCENTILE = Pattern.compile("^\\s*(50|75|90|99)%\\s+([0-9.]+)(us|ms|s|m)\\s*$");
    private static final Pattern RATE = Pattern.compile("^Requests/sec:\\s+([0-9.]+)\\s*$");
    private static final Pattern TOTAL = Pattern.compile("^\\s*([0-9]+) requests in .*$");
    private static final Pattern NON_2XX = Pattern.compile("^\\s*Non-2xx or 3xx responses:\\s+([0-9]+)\\s*$");
    private static final Pattern ERRORS = Pattern.compile("^\\s*Socket errors:.*$");

    /** One wrk run as it printed it. */
    record Result(String url, int connections, Duration duration, long requests, double requestsPerSecond,
                  double p50Millis, double p75Millis, double p90Millis, double p99Millis, long non2xx,
                  String socketErrors, String output) {

        /** Whether every answer was a 2xx/3xx and no socket failed. */
        boolean isClean() {
            return non2xx == 0 && socketErrors.isEmpty();
        }
    }

    private ApiWrk() {
    }

    /** Installs wrk with apt-get when it is not on the PATH; fails when that does not work. */
    static void ensureInstalled() throws IOException, InterruptedException {
        if (run(List.of("sh", "-c", "command -v wrk"), Duration.ofSeconds(10)).exit == 0) {
            return;
        }
        System.out.println("[api-bench] wrk is missing: apt-get install -y wrk");
        var installed = run(List.of("sh", "-c", "apt-get install -y wrk || (apt-get update && apt-get install -y wrk)"),
                Duration.ofMinutes(5));
        if (installed.exit != 0) {
            throw new IllegalStateException("Could not install wrk:\n" + installed.output);
        }
    }

    /** {@code wrk -t threads -c connections -d seconds --latency url}, waited for. */
    static Result measure(String url, int threads, int connections, Duration duration)
            throws IOException, InterruptedException {
        var command = List.of("wrk", "-t" + threads, "-c" + connections, "-d" + duration.toSeconds() + "s",
                "--timeout", "10s", "--latency", url);
        var ran = run(command, duration.plusMinutes(2));
        if (ran.exit != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed:\n" + ran.output);
        }
        return read(url, connections, duration, ran.output);
    }

    /** Reads wrk's printed summary. */
    static Result read(String url, int connections, Duration duration, String output) {
        double[] percentiles = new double[4];
        double rate = 0;
        long total = 0;
        long non2xx = 0;
        var errors = "";
        for (var line : output.split("\n")) {
            var percentile = PERCENTILE.matcher(line);
            if (percentile.matches()) {
                int index = List.of("50", "75", "90", "99").indexOf(percentile.group(1));
                percentiles[index] = millis(Double.parseDouble(percentile.group(2)), percentile.group(3));
            }
            var perSecond = RATE.matcher(line);
            if (perSecond.matches()) {
                rate = Double.parseDouble(perSecond.group(1));
            }
            var requests = TOTAL.matcher(line);
            if (requests.matches()) {
                total = Long.parseLong(requests.group(1));
            }
            var bad = NON_2XX.matcher(line);
            if (bad.matches()) {
                non2xx = Long.parseLong(bad.group(1));
            }
            if (ERRORS.matcher(line).matches()) {
                errors = line.trim();
            }
        }
        return new Result(url, connections, duration, total, rate, percentiles[0], percentiles[1], percentiles[2],
                percentiles[3], non2xx, errors, output);
    }

    private static double millis(double value, String unit) {
        switch (unit.toLowerCase(Locale.ROOT)) {
            case "us":
                return value / 1000;
            case "ms":
                return value;
            case "s":
                return value * 1000;
            case "m":
                return value * 60_000;
            default:
                throw new IllegalArgumentException("Unknown wrk time unit " + unit);
        }
    }

    private record Ran(int exit, String output) {
    }

    private static Ran run(List<String> command, Duration timeout) throws IOException, InterruptedException {
        var process = new ProcessBuilder(new ArrayList<>(command)).redirectErrorStream(true).start();
        var output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException(String.join(" ", command) + " did not end within " + timeout);
        }
        return new Ran(process.exitValue(), output);
    }
}
