package dev.drove.executor.instances;

import dev.drove.common.http.HttpCallRunner;
import dev.drove.models.common.HTTPCallSpec;
import jakarta.inject.Inject;

/**
 * Fetches an {@code EXECUTOR_HTTP_FETCH} config with its {@link HTTPCallSpec} (docs: snippets/common_configs.md,
 * "HTTP Call Specification"): the verb with its payload for POST and PUT, the extra headers, {@code authHeader} as
 * the {@code Authorization} header or else basic auth from {@code username}/{@code password}, the connection and
 * operation timeouts, and {@code insecure} (no certificate or hostname check). The body is the file's content when
 * the status is one of {@code successCodes}. Redirects are followed.
 */
final class HttpConfigFetch {

    @Inject
    HttpConfigFetch() {
    }

    /**
     * @throws ConfigFileException when the call fails or answers a status outside {@code successCodes}; the message
     *                             names the file and the URL but never the credentials
     */
    byte[] fetch(String localFilename, HTTPCallSpec call) throws ConfigFileException {
        try {
            return HttpCallRunner.fetch(call, "config " + localFilename);
        } catch (HttpCallRunner.HttpCallFailure e) {
            throw new ConfigFileException(e.getMessage(), e);
        }
    }
}
