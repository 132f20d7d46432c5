package dev.drove.executor.instances;

import dev.drove.models.config.ConfigSpec;
import dev.drove.models.config.ControllerHttpFetchConfigSpec;
import dev.drove.models.config.ExecutorHttpFetchConfigSpec;
import dev.drove.models.config.ExecutorLocalFileConfigSpec;
import dev.drove.models.config.InlineConfigSpec;
import jakarta.inject.Inject;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The content of a spec's config files, to be written into the container before it starts (docs:
 * snippets/common_configs.md, "Config Specification"):
 * <pre>
 * INLINE                 its bytes
 * EXECUTOR_LOCAL_FILE    read from filePathOnHost on this executor
 * EXECUTOR_HTTP_FETCH    fetched by this executor with its HTTPCallSpec
 * CONTROLLER_HTTP_FETCH  must have been fetched and inlined by the controller; arriving as is, it fails the start
 * </pre>
 */
final class ConfigFiles {
    private final HttpConfigFetch http;

    @Inject
    ConfigFiles(HttpConfigFetch http) {
        this.http = http;
    }

    /**
     * Container path → content, in the specs' order.
     *
     * @throws ConfigFileException naming the first file that could not be produced and why
     */
    Map<String, byte[]> contentOf(List<ConfigSpec> configs) throws ConfigFileException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (ConfigSpec config : configs) {
            files.put(config.localFilename(), content(config));
        }
        return files;
    }

    private byte[] content(ConfigSpec config) throws ConfigFileException {
        if (config instanceof InlineConfigSpec inline) {
            byte[] data = inline.data();
            return data == null ? new byte[0] : data;
        }
        if (config instanceof ExecutorLocalFileConfigSpec local) {
            try {
                return Files.readAllBytes(Path.of(local.filePathOnHost()));
            } catch (IOException | RuntimeException e) {
                throw new ConfigFileException("Cannot read " + local.filePathOnHost() + " on this executor for config "
                        + local.localFilename() + ": " + e, e);
            }
        }
        if (config instanceof ExecutorHttpFetchConfigSpec fetch) {
            return http.fetch(fetch.localFilename(), fetch.http());
        }
        if (config instanceof ControllerHttpFetchConfigSpec controller) {
            throw new ConfigFileException("Config " + controller.localFilename() + " is CONTROLLER_HTTP_FETCH and "
                    + "arrived without its content; the controller must fetch it and send it inline");
        }
        throw new IllegalArgumentException("No way to produce config " + config);
    }
}
