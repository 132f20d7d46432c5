package dev.drove.controller.operations;

import com.sun.net.httpserver.HttpServer;
import dev.drove.models.common.HTTPCallSpec;
import dev.drove.models.common.HTTPVerb;
import dev.drove.models.common.Protocol;
import dev.drove.models.config.ConfigSpec;
import dev.drove.models.config.ControllerHttpFetchConfigSpec;
import dev.drove.models.config.ExecutorHttpFetchConfigSpec;
import dev.drove.models.config.InlineConfigSpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** CONTROLLER_HTTP_FETCH configs reach the executor inline, fetched as their HTTP call spec says. */
class ConfigInlinerTest {
    private HttpServer server;

    @BeforeEach
    void startConfigServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/configs/billing", exchange -> {
            try (exchange) {
                var expected = "Basic " + Base64.getEncoder().encodeToString("ops:s3cret".getBytes(
                        StandardCharsets.UTF_8));
                var authorised = expected.equals(exchange.getRequestHeaders().getFirst("Authorization"))
                        && "payments".equals(exchange.getRequestHeaders().getFirst("X-Team"));
                var body = ("mode=" + exchange.getRequestMethod()).getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(authorised ? 200 : 403, body.length);
                exchange.getResponseBody().write(body);
            }
        });
        server.start();
    }

    @AfterEach
    void stopConfigServer() {
        server.stop(0);
    }

    @Test
    void aControllerFetchBecomesAnInlineConfigAndOthersPassUnchanged() throws Exception {
        var local = new ExecutorHttpFetchConfigSpec("/etc/other.conf", call("ops", "s3cret"));
        var configs = List.<ConfigSpec>of(new ControllerHttpFetchConfigSpec("/etc/billing.conf",
                call("ops", "s3cret")), local);

        var inlined = new ConfigInliner().inline(configs);

        assertThat(inlined).containsExactly(new InlineConfigSpec("/etc/billing.conf",
                "mode=POST".getBytes(StandardCharsets.UTF_8)), local);
    }

    @Test
    void aFetchAnsweredOutsideTheSuccessCodesFailsNamingFileAndUrlButNotTheCredentials() {
        var configs = List.<ConfigSpec>of(new ControllerHttpFetchConfigSpec("/etc/billing.conf",
                call("ops", "wrong-password")));

        assertThatThrownBy(() -> new ConfigInliner().inline(configs))
                .isInstanceOf(ConfigInliner.ConfigFetchException.class)
                .hasMessage("POST http://127.0.0.1:" + server.getAddress().getPort()
                        + "/configs/billing for config /etc/billing.conf answered 403, expected one of [200]")
                .hasMessageNotContaining("wrong-password");
    }

    private HTTPCallSpec call(String username, String password) {
        return new HTTPCallSpec(Protocol.HTTP, "127.0.0.1", server.getAddress().getPort(), "/configs/billing",
                HTTPVerb.POST, Set.of(200), "{}", null, null, username, password, null, Map.of("X-Team", "payments"),
                false);
    }
}
