package dev.drove.controller.operations;

import dev.drove.common.http.HttpCallRunner;
import dev.drove.models.common.HTTPCallSpec;
import dev.drove.models.config.ConfigSpec;
import dev.drove.models.config.ControllerHttpFetchConfigSpec;
import dev.drove.models.config.InlineConfigSpec;

import java.util.ArrayList;
import java.util.List;

/**
 * Fetches every {@code CONTROLLER_HTTP_FETCH} config of a spec and replaces it by an {@code INLINE} one with the
 * fetched content, so the executor gets the file as the controller saw it at start time (contract §4; docs:
 * snippets/common_configs.md, "Config Specification"). Other configs pass unchanged. The call honours the
 * {@link HTTPCallSpec}: verb and payload, headers, {@code authHeader} or basic credentials, both timeouts,
 * {@code insecure}; the content counts only with one of {@code successCodes}.
 */
class ConfigInliner {

    /** The configs with controller fetches done; throws naming the file and URL (never credentials) on failure. */
    List<ConfigSpec> inline(List<ConfigSpec> configs) throws ConfigFetchException {
        var result = new ArrayList<ConfigSpec>(configs.size());
        for (var config : configs) {
            if (config instanceof ControllerHttpFetchConfigSpec fetch) {
                result.add(new InlineConfigSpec(fetch.localFilename(), fetch(fetch.localFilename(), fetch.http())));
            } else {
                result.add(config);
            }
        }
        return result;
    }

    byte[] fetch(String localFilename, HTTPCallSpec call) throws ConfigFetchException {
        try {
            return HttpCallRunner.fetch(call, "config " + localFilename);
        } catch (HttpCallRunner.HttpCallFailure e) {
            throw new ConfigFetchException(e.getMessage());
        }
    }

    /** A controller-fetched config could not be fetched; the instance is not started. */
    static final class ConfigFetchException extends Exception {
        ConfigFetchException(String message) {
            super(message);
        }
    }
}
