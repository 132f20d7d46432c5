package dev.drove.executor.instances;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.drove.models.common.HTTPCallSpec;
import dev.drove.models.common.HTTPVerb;
import dev.drove.models.common.Protocol;
import dev.drove.models.config.ConfigSpec;
import dev.drove.models.config.ControllerHttpFetchConfigSpec;
import dev.drove.models.config.ExecutorHttpFetchConfigSpec;
import dev.drove.models.config.ExecutorLocalFileConfigSpec;
import dev.drove.models.config.InlineConfigSpec;
import io.dropwizard.util.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Config files from each source; the HTTP fetches go to a server on loopback. */
class ConfigFilesTest {
    private final ConfigFiles configFiles = new ConfigFiles(new HttpConfigFetch());
    private final ConcurrentLinkedQueue<Request> requests = new ConcurrentLinkedQueue<>();
    private HttpServer server;

    private record Request(String method, String path, String authorization, String team, String body) {
    }

    @BeforeEach
    void startConfigServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/configs/app", exchange -> answer(exchange, 200, "port: 8080\n"));
        server.createContext("/configs/missing", exchange -> answer(exchange, 404, "no such config"));
        server.createContext("/configs/created", exchange -> answer(exchange, 201, "made for you\n"));
        server.start();
    }

    @AfterEach
    void stopConfigServer() {
        server.stop(0);
    }

    @Test
    void filesComeFromTheSpecTheHostAndAnHttpServerInTheSpecsOrder(@TempDir Path host) throws Exception {
        Path local = Files.writeString(host.resolve("host.yml"), "on: host\n");
        List<ConfigSpec> configs = List.of(
                new InlineConfigSpec("/etc/inline.yml", "inline: true\n".getBytes(StandardCharsets.UTF_8)),
                new ExecutorLocalFileConfigSpec("/etc/host.yml", local.toString()),
                new ExecutorHttpFetchConfigSpec("/etc/fetched.yml", call(HTTPVerb.GET, "/configs/app", null)));

        Map<String, byte[]> files = configFiles.contentOf(configs);

        assertThat(files.keySet()).containsExactly("/etc/inline.yml", "/etc/host.yml", "/etc/fetched.yml");
        assertThat(text(files.get("/etc/inline.yml"))).isEqualTo("inline: true\n");
        assertThat(text(files.get("/etc/host.yml"))).isEqualTo("on: host\n");
        assertThat(text(files.get("/etc/fetched.yml"))).isEqualTo("port: 8080\n");
    }

    @Test
    void anHttpFetchSendsItsVerbPayloadHeadersAndBasicAuth() throws Exception {
        HTTPCallSpec post = new HTTPCallSpec(Protocol.HTTP, "127.0.0.1", port(), "/configs/app", HTTPVerb.POST,
                null, "{\"env\":\"prod\"}", null, null, "reader", "s3cret", null, Map.of("X-Team", "payments"),
                false);

        configFiles.contentOf(List.of(new ExecutorHttpFetchConfigSpec("/etc/app.yml", post)));

        assertThat(requests).containsExactly(new Request("POST", "/configs/app",
                "Basic cmVhZGVyOnMzY3JldA==", "payments", "{\"env\":\"prod\"}"));
    }

    @Test
    void anAuthHeaderIsSentAsTheAuthorizationInsteadOfBasicAuth() throws Exception {
        HTTPCallSpec get = new HTTPCallSpec(Protocol.HTTP, "127.0.0.1", port(), "/configs/app", HTTPVerb.GET, null,
                null, null, null, "reader", "s3cret", "Bearer abc", Map.of(), false);

        configFiles.contentOf(List.of(new ExecutorHttpFetchConfigSpec("/etc/app.yml", get)));

        assertThat(requests).extracting(Request::authorization).containsExactly("Bearer abc");
    }

    @Test
    void aStatusOutsideTheSuccessCodesFailsNamingTheFileAndTheAnswer() {
        ExecutorHttpFetchConfigSpec missing = new ExecutorHttpFetchConfigSpec("/etc/app.yml",
                call(HTTPVerb.GET, "/configs/missing", null));

        assertThatThrownBy(() -> configFiles.contentOf(List.of(missing)))
                .isInstanceOf(ConfigFileException.class)
                .hasMessage("GET http://127.0.0.1:" + port() + "/configs/missing for config /etc/app.yml answered 404, "
                        + "expected one of [200]");
    }

    @Test
    void successCodesOtherThan200AreAcceptedWhenTheSpecListsThem() throws Exception {
        ExecutorHttpFetchConfigSpec created = new ExecutorHttpFetchConfigSpec("/etc/app.yml",
                call(HTTPVerb.GET, "/configs/created", Set.of(201)));

        assertThat(text(configFiles.contentOf(List.of(created)).get("/etc/app.yml"))).isEqualTo("made for you\n");
    }

    @Test
    void aMissingHostFileFailsNamingIt(@TempDir Path host) {
        Path absent = host.resolve("absent.yml");

        assertThatThrownBy(() -> configFiles.contentOf(List.of(
                new ExecutorLocalFileConfigSpec("/etc/app.yml", absent.toString()))))
                .isInstanceOf(ConfigFileException.class)
                .hasMessageStartingWith("Cannot read " + absent + " on this executor for config /etc/app.yml");
    }

    @Test
    void aControllerFetchThatWasNotInlinedIsRefused() {
        assertThatThrownBy(() -> configFiles.contentOf(List.of(new ControllerHttpFetchConfigSpec("/etc/app.yml",
                call(HTTPVerb.GET, "/configs/app", null)))))
                .isInstanceOf(ConfigFileException.class)
                .hasMessageContaining("CONTROLLER_HTTP_FETCH")
                .hasMessageContaining("the controller must fetch it and send it inline");
        assertThat(requests).isEmpty();
    }

    private HTTPCallSpec call(HTTPVerb verb, String path, Set<Integer> successCodes) {
        return new HTTPCallSpec(Protocol.HTTP, "127.0.0.1", port(), path, verb, successCodes, null,
                Duration.seconds(1), Duration.seconds(2), null, null, null, null, false);
    }

    private int port() {
        return server.getAddress().getPort();
    }

    private void answer(HttpExchange exchange, int status, String body) throws IOException {
        requests.add(new Request(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                exchange.getRequestHeaders().getFirst("Authorization"),
                exchange.getRequestHeaders().getFirst("X-Team"),
                new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
