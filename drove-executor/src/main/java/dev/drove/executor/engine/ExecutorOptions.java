package dev.drove.executor.engine;

import io.dropwizard.util.DataSize;
import io.dropwizard.util.DataSizeUnit;
import io.dropwizard.util.Duration;
import io.dropwizard.validation.DataSizeRange;
import io.dropwizard.validation.MinDuration;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import java.util.concurrent.TimeUnit;

/**
 * The {@code options:} section of the executor's config file (docs: cluster/setup/executor-setup.md, "Executor
 * Options"). Keys are spelled as the docs spell them; every key may be left out, and the compact constructor is the
 * only place defaults live. Out-of-range values stop the executor with a message naming the key and the range, e.g.
 * {@code options.logBufferSize must be between 1MB and 128MB}. Sizes use Dropwizard's DataSize ({@code 5m}, {@code
 * 20MB}, {@code 1GiB}); {@code m} and {@code MB} are decimal megabytes.
 *
 * <p><b>cacheImages quirk</b> (copied from the original, drove-contract.md §2.11): when the config has no
 * {@code options:} section at all, the executor uses {@link #DEFAULTS}, which caches images. When the section is
 * present but has no {@code cacheImages} key, images are <em>not</em> cached, as the docs say. The root config must
 * therefore start its field as {@code ExecutorOptions.DEFAULTS}.
 *
 * @param hostname                the hostname reported to the controller instead of this machine's own (optional)
 * @param cacheImages             keep images after their last container is gone (see the quirk above)
 * @param containerCommandTimeout timeout for each request to the container engine (default 30 seconds); long-running
 *                                streams (pulls, logs, events, stop) are not bound by it
 * @param dockerSocketPath        the engine's unix socket (default {@code /var/run/docker.sock}; podman works too)
 * @param maxOpenFiles            the {@code nofile} ulimit of every container (default 470000)
 * @param logBufferSize           the engine's non-blocking log buffer per container, 1MB..128MB (default 10MB)
 * @param cacheFileSize           size of the engine's local log cache kept beside a syslog driver, 10MB..100GB
 *                                (default 20MB)
 * @param cacheFileCount          number of those cache files, 1..1024 (default 3)
 */
public record ExecutorOptions(
        String hostname,
        Boolean cacheImages,
        @MinDuration(value = 1, unit = TimeUnit.SECONDS, message = "must be at least 1 second")
        Duration containerCommandTimeout,
        String dockerSocketPath,
        @Min(value = 1, message = "must be at least 1") Long maxOpenFiles,
        @DataSizeRange(min = 1, max = 128, unit = DataSizeUnit.MEGABYTES, message = "must be between 1MB and 128MB")
        DataSize logBufferSize,
        @DataSizeRange(min = 10, max = 100_000, unit = DataSizeUnit.MEGABYTES,
                message = "must be between 10MB and 100GB")
        DataSize cacheFileSize,
        @Min(value = 1, message = "must be between 1 and 1024")
        @Max(value = 1024, message = "must be between 1 and 1024") Integer cacheFileCount) {

    /** The default engine socket. */
    public static final String DEFAULT_DOCKER_SOCKET = "/var/run/docker.sock";

    /** What an executor uses when its config has no {@code options:} section: like an empty one, but caching images. */
    public static final ExecutorOptions DEFAULTS =
            new ExecutorOptions(null, true, null, null, null, null, null, null);

    public ExecutorOptions {
        hostname = hostname == null || hostname.isBlank() ? null : hostname.strip();
        cacheImages = cacheImages != null && cacheImages;
        containerCommandTimeout = containerCommandTimeout == null ? Duration.seconds(30) : containerCommandTimeout;
        dockerSocketPath = dockerSocketPath == null || dockerSocketPath.isBlank()
                ? DEFAULT_DOCKER_SOCKET : dockerSocketPath.strip();
        maxOpenFiles = maxOpenFiles == null ? 470_000L : maxOpenFiles;
        logBufferSize = logBufferSize == null ? DataSize.megabytes(10) : logBufferSize;
        cacheFileSize = cacheFileSize == null ? DataSize.megabytes(20) : cacheFileSize;
        cacheFileCount = cacheFileCount == null ? 3 : cacheFileCount;
    }

    /** Options that differ from these only in the socket path, e.g. for tests or podman. */
    public ExecutorOptions withDockerSocketPath(String path) {
        return new ExecutorOptions(hostname, cacheImages, containerCommandTimeout, path, maxOpenFiles,
                logBufferSize, cacheFileSize, cacheFileCount);
    }

    /** Options that differ from these only in whether images are cached. */
    public ExecutorOptions withCacheImages(boolean cache) {
        return new ExecutorOptions(hostname, cache, containerCommandTimeout, dockerSocketPath, maxOpenFiles,
                logBufferSize, cacheFileSize, cacheFileCount);
    }
}
