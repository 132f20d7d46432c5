package dev.drove.controller.logs;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.drove.common.errors.ApiException;
import dev.drove.common.http.ClusterCallException;
import dev.drove.common.http.ClusterHttpClient;
import dev.drove.common.http.ClusterResponse;
import dev.drove.common.http.ClusterTls;
import dev.drove.common.messages.ExecutorAddress;
import dev.drove.models.api.LogFileChunk;
import dev.drove.models.api.LogFileList;
import dev.drove.models.json.Json;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;

/**
 * Reads an instance's log files from the executor that holds them: {@code GET /apis/v1/logs/filestream/{first}/
 * {second}/list|read/{file}|download/{file}} with the controller's cluster secret (contract §4). The executor's
 * refusals (400, 404) reach the user with the executor's sentence; an executor that is gone is a 503, one that does
 * not answer or fails a 502, each naming the executor.
 */
final class ExecutorLogFiles {
    private static final Logger log = LoggerFactory.getLogger(ExecutorLogFiles.class);
    private static final String FILESTREAM = "/apis/v1/logs/filestream/";
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
    /** How long a download may take to start; the file itself streams for as long as it needs. */
    private static final Duration DOWNLOAD_START_TIMEOUT = Duration.ofSeconds(30);
    private static final int MAX_ERROR_BYTES = 16 * 1024;

    private final ClusterHttpClient client;
    private final Function<String, Optional<ExecutorAddress>> addresses;
    private final HttpClient downloads;

    /**
     * @param client    the controller's cluster client (JSON calls; its credentials and trust also serve downloads)
     * @param addresses where an executor listens, by executor id
     */
    ExecutorLogFiles(ClusterHttpClient client, Function<String, Optional<ExecutorAddress>> addresses) {
        this.client = client;
        this.addresses = addresses;
        this.downloads = client.tls().newHttpClient(CONNECT_TIMEOUT);
    }

    LogFileList list(LogSource source) {
        return answer(source, call(source, folder(source) + "/list", LogFileList.class));
    }

    LogFileChunk read(LogSource source, String file, long offset, long length) {
        var path = folder(source) + "/read/" + segment(file) + "?offset=" + offset + "&length=" + length;
        return answer(source, call(source, path, LogFileChunk.class));
    }

    /** Starts the download and answers its body; the caller must write (and so close) it. */
    StreamingOutput download(LogSource source, String file) {
        var executor = address(source);
        var uri = executor.endpoint().uri(folder(source) + "/download/" + segment(file));
        var request = HttpRequest.newBuilder(uri).timeout(DOWNLOAD_START_TIMEOUT).GET();
        client.credentials().headers().forEach(request::header);
        HttpResponse<InputStream> response;
        try {
            response = downloads.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            throw unanswered(source, ClusterTls.explain(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unanswered(source, "interrupted");
        }
        if (response.statusCode() != 200) {
            String text;
            try (var body = response.body()) {
                text = new String(body.readNBytes(MAX_ERROR_BYTES), StandardCharsets.UTF_8);
            } catch (IOException e) {
                text = "";
            }
            throw refused(source, response.statusCode(), text);
        }
        return out -> {
            try (var body = response.body()) {
                body.transferTo(out);
            }
        };
    }

    private <T> ClusterResponse<T> call(LogSource source, String path, Class<T> type) {
        var executor = address(source);
        try {
            return client.get(executor.endpoint(), path, type);
        } catch (ClusterCallException e) {
            throw unanswered(source, e.getMessage());
        }
    }

    private <T> T answer(LogSource source, ClusterResponse<T> response) {
        if (response.isSuccessful() && response.body() != null) {
            return response.body();
        }
        throw refused(source, response.status(), response.text());
    }

    private ExecutorAddress address(LogSource source) {
        return addresses.apply(source.executorId()).orElseThrow(() -> new ApiException(
                Response.Status.SERVICE_UNAVAILABLE, "Executor " + source.executorId() + ", which ran "
                + source.what() + ", is not in the cluster now; its log files cannot be read"));
    }

    private static ApiException refused(LogSource source, int status, String text) {
        var message = messageOf(text);
        if (status == 400 || status == 404) {
            return new ApiException(Response.Status.fromStatusCode(status), message == null
                    ? "Executor " + source.executorId() + " answered " + status + " for the log files of "
                    + source.what() : message);
        }
        log.warn("Executor {} answered {} for the log files of {}: {}", source.executorId(), status, source.what(),
                message == null ? "(no message)" : message);
        return new ApiException(Response.Status.BAD_GATEWAY, "Executor " + source.executorId() + " could not serve "
                + "the log files of " + source.what() + ": HTTP " + status + (message == null ? "" : " " + message));
    }

    private static ApiException unanswered(LogSource source, String reason) {
        log.warn("Executor {} did not answer for the log files of {}: {}", source.executorId(), source.what(), reason);
        return new ApiException(Response.Status.BAD_GATEWAY, "Executor " + source.executorId() + " did not answer "
                + "for the log files of " + source.what() + ": " + reason);
    }

    /** The {@code message} of an error envelope; null when the text is not one (a proxy's page, nothing). */
    private static String messageOf(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            var message = Json.mapper().readTree(text).path("message");
            return message.isTextual() ? message.asText() : null;
        } catch (JsonProcessingException notJson) {
            return null;
        }
    }

    private static String folder(LogSource source) {
        return FILESTREAM + segment(source.first()) + "/" + segment(source.second());
    }

    /** One path segment, percent-encoded, so a name can never add a segment or a query. */
    private static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
