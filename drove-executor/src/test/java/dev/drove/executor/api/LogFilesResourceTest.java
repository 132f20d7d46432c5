package dev.drove.executor.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.drove.executor.logs.InstanceLogFolders;
import dev.drove.models.info.nodedata.NodeType;
import dev.drove.models.json.Json;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code /apis/v1/logs/filestream/{first}/{second}/...} over real HTTP: what the leader controller reads for users
 * (docs: apis/logs.md; contract §3 "Files/logs").
 */
class LogFilesResourceTest {
    private static final String BASE = "/apis/v1/logs/filestream/TEST_APP-1/AI-0001";

    @TempDir
    Path logPath;
    private LogFilesServer server;

    @BeforeEach
    void start() throws Exception {
        var folder = Files.createDirectories(logPath.resolve("TEST_APP-1").resolve("AI-0001"));
        Files.writeString(folder.resolve("output.log"), "line 1\nline 2\n");
        Files.writeString(folder.resolve("output.log-2024-07-04"), "old line\n");
        Files.writeString(logPath.resolve("drove-executor.log"), "the executor's own log\n");
        server = new LogFilesServer(new InstanceLogFolders(logPath));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void listAnswersTheOutputFilesWithoutAnEnvelope() throws IOException {
        var answer = server.get(BASE + "/list");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(json(answer).toString()).isEqualTo("{\"files\":[\"output.log-2024-07-04\",\"output.log\"]}");
    }

    @Test
    void readWithoutParametersAnswersTheEndToTailFrom() throws IOException {
        var answer = server.get(BASE + "/read/output.log");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(json(answer).toString()).isEqualTo("{\"data\":\"\",\"offset\":14}");
    }

    @Test
    void readFromAnOffsetAnswersTheDataAndWhereToGoOn() throws IOException {
        var answer = server.get(BASE + "/read/output.log?offset=7&length=4");

        assertThat(json(answer).toString()).isEqualTo("{\"data\":\"line\",\"offset\":11}");
    }

    @Test
    void downloadAnswersTheFileAsANamedAttachment() {
        var answer = server.get(BASE + "/download/output.log-2024-07-04");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body()).isEqualTo("old line\n");
        assertThat(answer.headers().firstValue("Content-Disposition"))
                .contains("attachment; filename=output.log-2024-07-04");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "encoded parent and slashes   | /read/..%2F..%2F..%2Fdrove-executor.log",
            "encoded absolute path        | /read/%2Fetc%2Fpasswd",
            "encoded backslashes          | /download/..%5C..%5Cdrove-executor.log",
            "encoded NUL                  | /read/output.log%00.png",
            "a file that is not an output | /download/drove-executor.log",
            "encoded dots as the name     | /read/%2E%2E",
            "negative offset              | /read/output.log?offset=-5",
            "offset that is not a number  | /read/output.log?offset=end",
            "zero length                  | /read/output.log?offset=0&length=0",
    })
    void unsafeNamesAndBadParametersAre400(String row, String path) throws IOException {
        var answer = server.get(BASE + path);

        assertThat(answer.status()).as(answer.body()).isEqualTo(400);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "the parent folder   | /read/..                     | must not be '.' or '..'",
            "not an output file  | /download/drove-executor.log | Only an instance's output files",
            "negative offset     | /read/output.log?offset=-5   | offset must be -1",
            "not a number        | /read/output.log?offset=end  | offset must be a whole number, not end",
    })
    void theRefusalSaysWhyInTheEnvelope(String row, String path, String reason) throws IOException {
        var body = json(server.get(BASE + path));

        assertThat(body.get("status").asText()).isEqualTo("FAILED");
        assertThat(body.get("message").asText()).contains(reason);
    }

    /**
     * Jetty refuses encoded separators, dot segments and control characters itself (UriCompliance DEFAULT), before
     * any resource runs, with its own error page naming the reason; names that pass it are checked by ours above.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "encoded slash       | /read/..%2F..%2Fdrove-executor.log | Ambiguous URI path separator",
            "encoded dots        | /read/%2E%2E                       | Ambiguous URI path segment",
            "encoded backslash   | /read/..%5Cdrove-executor.log      | Suspicious Path Character",
            "encoded newline     | /read/output.log%0A                | Suspicious Path Character",
    })
    void encodedTraversalNeverReachesTheResource(String row, String path, String reason) {
        var answer = server.get(BASE + path);

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body()).contains(reason);
    }

    @Test
    void anUnsafeInstanceFolderIsRefused() {
        assertThat(server.get("/apis/v1/logs/filestream/..%2F..%2Fetc/AI-0001/list").status()).isEqualTo(400);
        assertThat(server.get("/apis/v1/logs/filestream/TEST_APP-1/%2E%2E/list").status()).isEqualTo(400);
        var spaced = server.get("/apis/v1/logs/filestream/TEST%20APP/AI-0001/list");
        assertThat(spaced.status()).isEqualTo(400);
        assertThat(spaced.body()).contains("must be a plain name");
    }

    @Test
    void aMissingFileIs404() throws IOException {
        var answer = server.get(BASE + "/read/output.log-1999-01-01?offset=0");

        assertThat(answer.status()).isEqualTo(404);
        assertThat(json(answer).get("message").asText())
                .isEqualTo("There is no log file output.log-1999-01-01 of TEST_APP-1/AI-0001 on this executor");
    }

    @Test
    void onlyTheControllerMayReadLogs() {
        assertThat(server.get(BASE + "/list", NodeType.EXECUTOR).status()).isEqualTo(401);
        assertThat(server.get(BASE + "/list", null).status()).isEqualTo(401);
    }

    @Test
    void anExecutorWithoutADroveAppenderSaysSo() throws Exception {
        try (var bare = new LogFilesServer(null)) {
            var answer = bare.get(BASE + "/list");

            assertThat(answer.status()).isEqualTo(404);
            assertThat(json(answer).get("message").asText()).contains("no appender of type drove");
        }
    }

    private static JsonNode json(LogFilesServer.Answer answer) throws IOException {
        return Json.mapper().readTree(answer.body());
    }
}
