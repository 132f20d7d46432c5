package dev.drove.executor.engine;

import com.github.dockerjava.api.model.LogConfig;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The engine's log driver for one container (docs: snippets/common_configs_logging.md). {@code LOCAL} maps to
 * {@link JsonFile}, {@code RSYSLOG} to {@link Syslog}. Whatever the driver, the executor also streams the container's
 * output into its own instance logs.
 *
 * <p>Every driver gets {@code mode=non-blocking} and {@code max-buffer-size=options.logBufferSize}, so a slow log
 * sink never blocks the container. The syslog driver also gets Docker's dual-logging cache ({@code cache-*} from
 * {@code options.cacheFileSize/cacheFileCount}, compressed), which keeps {@code docker logs} and the executor's log
 * follower working; {@code json-file} is readable by itself and needs no cache.
 */
public sealed interface ContainerLogging permits ContainerLogging.JsonFile, ContainerLogging.Syslog {

    /** The driver and its options for this container. */
    LogConfig logConfig(ExecutorOptions options);

    /**
     * Docker's {@code json-file} driver with rotation.
     *
     * @param maxSize  size at which a file is rotated, in Docker's syntax ({@code 10m})
     * @param maxFiles files kept, 1..100
     * @param compress gzip rotated files
     */
    record JsonFile(String maxSize, int maxFiles, boolean compress) implements ContainerLogging {
        /** What Drove applies when a spec has no {@code logging} section: 10m, 3 files, compressed. */
        public static final JsonFile DEFAULT = new JsonFile("10m", 3, true);

        public JsonFile {
            maxSize = maxSize == null || maxSize.isBlank() ? "10m" : maxSize.strip();
            if (maxFiles < 1 || maxFiles > 100) {
                throw new IllegalArgumentException("logging.maxFiles must be between 1 and 100, not " + maxFiles);
            }
        }

        @Override
        public LogConfig logConfig(ExecutorOptions options) {
            Map<String, String> config = nonBlocking(options);
            config.put("max-size", maxSize);
            config.put("max-file", Integer.toString(maxFiles));
            config.put("compress", Boolean.toString(compress));
            return new LogConfig(LogConfig.LoggingType.JSON_FILE, config);
        }
    }

    /**
     * Docker's {@code syslog} driver.
     *
     * @param server the syslog address, e.g. {@code udp://logs.internal:514} or {@code tcp://…}
     * @param tag    the syslog tag: {@code tagPrefix + instance id + tagSuffix}
     */
    record Syslog(String server, String tag) implements ContainerLogging {
        public Syslog {
            if (server == null || server.isBlank()) {
                throw new IllegalArgumentException("RSYSLOG logging needs a server address");
            }
        }

        @Override
        public LogConfig logConfig(ExecutorOptions options) {
            Map<String, String> config = nonBlocking(options);
            config.put("syslog-address", server);
            if (tag != null && !tag.isBlank()) {
                config.put("tag", tag);
            }
            config.put("cache-disabled", "false");
            config.put("cache-max-size", Long.toString(options.cacheFileSize().toBytes()));
            config.put("cache-max-file", Integer.toString(options.cacheFileCount()));
            config.put("cache-compress", "true");
            return new LogConfig(LogConfig.LoggingType.SYSLOG, config);
        }
    }

    private static Map<String, String> nonBlocking(ExecutorOptions options) {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("mode", "non-blocking");
        config.put("max-buffer-size", Long.toString(options.logBufferSize().toBytes()));
        return config;
    }
}
